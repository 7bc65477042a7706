"""The checks for plausible-but-wrong wording: each catches its slip in a short direction and
leaves the clean version of that direction alone."""

from __future__ import annotations

from typing import Literal

import pytest

from drafting.checks import check_subject
from drafting.checks._model import Subject, subject_paragraphs
from drafting.read._normalise import read_paragraphs

HEAD = (
    "STATUTORY DIRECTION TO BUCKINGHAMSHIRE COUNCIL\n\nWHEREAS:\n\n"
    '1. The Secretary of State for Education ("the Secretary of State") has noted in respect of '
    'Buckinghamshire Council ("the Council") that services are inadequate.\n'
)


def codes(text: str, kind: Literal["direction", "letter"] = "direction") -> list[str]:
    subject = Subject("text", subject_paragraphs(read_paragraphs(text)), False, kind=kind)
    return [f.code for f in check_subject(subject)]


# (code, the slip, the clean version)
PAIRS = [
    (
        "TERM005",
        HEAD + "2. The Council shall comply with the instructions of the Commissioner.\n",
        HEAD + "2. The Secretary of State has appointed Ann Smith as Children's Services "
        'Commissioner ("the Commissioner").\n3. The Council shall comply with the instructions '
        "of the Commissioner.\n",
    ),
    (
        "TERM005",
        HEAD + "2. The Council shall report to each meeting of the Improvement Board.\n",
        HEAD + "2. The Council shall set up an Improvement Board.\n3. The Council shall report "
        "to each meeting of the Improvement Board.\n",
    ),
    (
        "TERM006",
        HEAD + '2. Ofsted\'s report of 1 May 2019 ("the 2019 Ofsted report") found failings.\n'
        "3. The Council shall address the Ofsted report.\n",
        HEAD + '2. Ofsted\'s report of 1 May 2019 ("the 2019 Ofsted report") found failings.\n'
        "3. The Council shall address the 2019 Ofsted report.\n",
    ),
    (
        "TERM006",
        HEAD + '2. The functions ("children\'s social care functions") are failing.\n'
        "3. The Council shall perform its children's social care services functions.\n",
        HEAD + '2. The functions ("children\'s social care functions") are failing.\n'
        "3. The Council shall perform its children's social care functions.\n",
    ),
    (
        "TERM002",  # a definition in single quotes is a definition
        HEAD + "2. The Council shall report to the Improvement Board.\n3. The Chair shall chair "
        "Buckinghamshire's Children's Services Improvement Board ('the Improvement Board').\n",
        HEAD + "2. The Chair shall chair Westshire's Children's Services Improvement Board ('the "
        "Improvement Board').\n3. The Council shall report to the Improvement Board.\n",
    ),
    (
        "LIST003",
        HEAD + "2. The Council shall:\n a. plan;\n b. act.\n c. review; and\n d. report.\n",
        HEAD + "2. The Council shall:\n a. plan;\n b. act;\n c. review; and\n d. report.\n",
    ),
    (
        "LIST004",
        HEAD + "2. The Secretary of State has carefully considered:\n a. the 2019 report;\n"
        "3. The Council shall act.\n",
        HEAD + "2. The Secretary of State has carefully considered:\n a. the 2019 report.\n"
        "3. The Council shall act.\n",
    ),
    (
        "PRON001",
        HEAD + "2. The Council shall:\n a. comply with the instructions of the adviser and "
        "provide such assistance as it may require;\n b. "
        "provide support as they may reasonably require.\n",
        HEAD + "2. The Council shall:\n a. comply with the instructions of the adviser and "
        "provide such assistance as it may require;\n b. "
        "provide support as it may reasonably require.\n",
    ),
    (
        "PLACE001",
        HEAD + "2. The Council shall co-operate with Leeds City Council on its plan.\n",
        HEAD + "2. The Secretary of State has appointed Leeds City Council as improvement "
        "adviser.\n3. The Council shall co-operate with Leeds City Council on its plan.\n",
    ),
    (
        "PLACE001",
        HEAD + "2. The Council shall improve services in Kirklees.\n",
        HEAD + "2. The Council shall improve services in Buckinghamshire.\n",
    ),
    (
        "OFSTED003",
        HEAD + "2. The 2022 Ofsted report found children looked after and achieving permanence "
        "to be inadequate.\n",
        HEAD + "2. The 2022 Ofsted report found the experiences and progress of children in care "
        "and care leavers to be inadequate.\n",
    ),
    (
        "OFSTED003",
        HEAD + "2. Ofsted's report of 5 March 2016 found the impact of leaders on social work "
        "practice with children and families to be inadequate.\n",
        HEAD + "2. Ofsted's report of 5 March 2016 found leadership, management and governance "
        "to be inadequate.\n",
    ),
    (
        "ANNEX001",
        HEAD + "2. The Terms of Reference are set out in the Annex A to this direction.\n",
        HEAD + "2. The Terms of Reference are set out in Annex A to this direction.\n",
    ),
    (
        "CITE004",
        HEAD + "2. Appoint a Director of Children's Services in accordance with section 19 of "
        "the Children Act 2004.\n",
        HEAD + "2. Appoint a Director of Children's Services in accordance with section 18 of "
        "the Children Act 2004.\n",
    ),
    (
        "CITE004",
        HEAD + "2. The lead member, under section 18 of the Children Act 2004, shall attend.\n",
        HEAD + "2. The lead member, under section 19 of the Children Act 2004, shall attend.\n",
    ),
    (
        "DATE006",
        HEAD + "2. The Council shall act.\n\nDated: 4 July 2022\n\nANNEX\n\n1. The Commissioner "
        "acts under the direction of 20 June 2022.\n",
        HEAD + "2. The Council shall act.\n\nDated: 4 July 2022\n\nANNEX\n\n1. The Commissioner "
        "acts under the direction of 4 July 2022.\n",
    ),
    (
        "DATE007",
        HEAD + "2. This direction will remain in force for a period of 18 months.\n\nANNEX\n\n"
        "1. The direction lasts 2 years.\n",
        HEAD + "2. This direction will remain in force for a period of 18 months.\n\nANNEX\n\n"
        "1. The direction lasts 18 months.\n",
    ),
]


@pytest.mark.parametrize(("code", "slip", "clean"), PAIRS, ids=[p[0] for p in PAIRS])
def test_catches_the_slip_and_leaves_the_clean_version(code: str, slip: str, clean: str) -> None:
    assert code in codes(slip)
    assert code not in codes(clean)


LETTER = "Dear Matt,\n\n{body}\n\nRt Hon Jane Smith MP\nSecretary of State for Education\n"


def test_a_letter_mixing_first_and_third_person() -> None:
    slip = LETTER.format(
        body="I have carefully considered the case.\n\nThe Secretary of State is minded to "
        "appoint a Children's Services Commissioner."
    )
    clean = LETTER.format(
        body="I have carefully considered the case.\n\nI am minded to appoint a Children's "
        "Services Commissioner."
    )
    assert "VOICE001" in codes(slip, "letter")
    assert "VOICE001" not in codes(clean, "letter")
