"""Regenerate the Word templates in this folder: `python templates/make_templates.py`.

The templates carry everything about how a direction or a letter looks (fonts, spacing, margins,
the numbering definitions and the page-number footer); the builder only adds paragraphs that
name styles and lists.  A drafter may instead open `direction.docx` or `letter.docx` in Word,
change its styles or page set-up and save it: the next build uses the edited template, as long
as the style ids below and the multi-level lists (1. a. i. and 1. i. a.) and the bullet list
are still in it.

The parts are written as plain WordprocessingML so the result is small, valid against the
schemas (no stylesWithEffects part, unlike python-docx's default template) and reviewable.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
OFFICE = "application/vnd.openxmlformats-officedocument"
PACKAGE = "application/vnd.openxmlformats-package"

FONT = "Arial"
BODY_SIZE = 24  # half-points: 12 pt
INDENT = 720  # twips: half an inch a level


def content_types(kind: str) -> str:
    overrides = {
        "/word/document.xml": f"{WML}.document.main+xml",
        "/word/styles.xml": f"{WML}.styles+xml",
        "/word/numbering.xml": f"{WML}.numbering+xml",
        "/word/settings.xml": f"{WML}.settings+xml",
        "/word/footer1.xml": f"{WML}.footer+xml",
        **({"/word/footer2.xml": f"{WML}.footer+xml"} if kind == "letter" else {}),
        "/word/fontTable.xml": f"{WML}.fontTable+xml",
        "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{OFFICE}.extended-properties+xml",
    }
    rows = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{PACKAGE}.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{rows}</Types>"
    )


def relationships(rels: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'<Relationships xmlns="{PKG_REL}">{rows}</Relationships>'


def package_rels() -> str:
    return relationships(
        [
            ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", f"{DOC_REL}/extended-properties", "docProps/app.xml"),
        ]
    )


def document_rels(kind: str) -> str:
    first_footer = [("rId7", f"{DOC_REL}/footer", "footer2.xml")] if kind == "letter" else []
    return relationships(
        [
            ("rId1", f"{DOC_REL}/styles", "styles.xml"),
            ("rId2", f"{DOC_REL}/numbering", "numbering.xml"),
            ("rId3", f"{DOC_REL}/settings", "settings.xml"),
            ("rId4", f"{DOC_REL}/footer", "footer1.xml"),
            ("rId5", f"{DOC_REL}/fontTable", "fontTable.xml"),
            ("rId6", f"{DOC_REL}/theme", "theme/theme1.xml"),
            *first_footer,
        ]
    )


def document(kind: str) -> str:
    # A4, one-inch margins; the footer carries the page number.  A letter's first page, under
    # its letterhead, has an empty footer of its own (titlePg): later pages are numbered.
    first = '<w:footerReference w:type="first" r:id="rId7"/>' if kind == "letter" else ""
    title_page = "<w:titlePg/>" if kind == "letter" else ""
    return (
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        f'<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>{first}'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="709" '
        f'w:footer="709" w:gutter="0"/>{title_page}</w:sectPr></w:body></w:document>'
    )


def footer(numbered: bool = True) -> str:
    number = (
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>' if numbered else ""
    )
    return (
        f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        f"{number}</w:p></w:ftr>"
    )


def font_table() -> str:
    return (
        f'<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:panose1 w:val="020B0604020202020204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        "</w:fonts>"
    )


def theme() -> str:
    """The smallest complete theme: Word requires one, and its fonts follow the body font."""
    colours = {
        "dk1": "000000",
        "lt1": "FFFFFF",
        "dk2": "0B0C0C",
        "lt2": "F3F2F1",
        "accent1": "1D70B8",
        "accent2": "00703C",
        "accent3": "D4351C",
        "accent4": "F47738",
        "accent5": "4C2C92",
        "accent6": "505A5F",
        "hlink": "1D70B8",
        "folHlink": "4C2C92",
    }
    scheme = "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in colours.items())
    fonts = f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Direction">'
        f'<a:themeElements><a:clrScheme name="Direction">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="Direction"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="Direction"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    )


def settings() -> str:
    return (
        f'<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="{INDENT}"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-GB"/></w:settings>'
    )


def style(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    based_on: str | None = "Normal",
    next_style: str | None = None,
    default: bool = False,
) -> str:
    attrs = ' w:default="1"' if default else ""
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    return f'<w:style w:type="paragraph"{attrs} w:styleId="{style_id}">{"".join(parts)}</w:style>'


#: Space to sign above a signatory's name (or the line signed on): 1.7 cm, in twips.
SIGNING_SPACE = 960
#: Keep a paragraph on the page of the one after it, and its own lines together.
KEEP = "<w:keepNext/><w:keepLines/>"


def styles(kind: str) -> str:
    spacing = '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
    bold = "<w:b/><w:bCs/>"
    # Headings name their font rather than inherit it, so that Word's heading gallery and a
    # restyled body font leave them as the template has them.
    heading_font = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'<w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        f"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{spacing}</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )
    paragraph_styles = [
        style("Normal", "Normal", based_on=None, default=True),
        style(
            "Title",
            "Title",
            f'{KEEP}<w:spacing w:before="240" w:after="360"/><w:jc w:val="center"/>',
            heading_font + bold,
            next_style="Normal",
        ),
        style(
            "Heading1",
            "heading 1",
            f'{KEEP}<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/>',
            heading_font + bold,
            next_style="Normal",
        ),
        style(
            "Heading2",
            "heading 2",
            f'{KEEP}<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>'
            '<w:outlineLvl w:val="1"/>',
            heading_font + bold,
            next_style="Normal",
        ),
        style("BodyText", "Body Text"),
        style("Header", "header", '<w:spacing w:after="0"/>'),
        style("Footer", "footer", '<w:jc w:val="center"/>'),
        *signature_styles(),
    ]
    # Numbered paragraphs: each List Number style is linked to a level of the direction's list
    # (numPr here, pStyle on the level), so that applying "List Number 2" in Word numbers the
    # paragraph a., b. ... and "continue numbering" works; the indents are the levels'.
    for level, suffix in enumerate(["", " 2", " 3"]):
        linked = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
        paragraph_styles.append(
            style(f"ListNumber{suffix.strip()}", f"List Number{suffix}", linked)
        )
        paragraph_styles.append(
            style(
                f"ListContinue{suffix.strip()}",
                f"List Continue{suffix}",
                f'<w:ind w:left="{(level + 1) * INDENT}"/>',
            )
        )
    for suffix in ["", " 2", " 3", " 4"]:
        paragraph_styles.append(style(f"ListBullet{suffix.strip()}", f"List Bullet{suffix}"))
    if kind == "letter":
        paragraph_styles += letter_styles()
    return f'<w:styles xmlns:w="{W}">{defaults}{"".join(paragraph_styles)}</w:styles>'


def signature_styles() -> list[str]:
    """A signature block: kept together on one page, with room to sign above the name.

    Every line but the last keeps with the next; the writer keeps the paragraph before the block
    with it.  Space before is not dropped, since a kept block never begins a page on its own.
    """
    tight = '<w:spacing w:before="0" w:after="0"/>'
    signing = f'<w:spacing w:before="{SIGNING_SPACE}" w:after="0"/>'
    return [
        style("Signature", "Signature", f'{KEEP}<w:spacing w:before="360" w:after="0"/>'),
        style("SignatureLine", "Signature Line", KEEP + signing),
        style("SignatureName", "Signature Name", KEEP + signing),
        style("SignatureRole", "Signature Role", KEEP + tight),
        style("SignatureDate", "Signature Date", '<w:keepLines/><w:spacing w:before="240"/>'),
        style("SignatoryName", "Signatory Name", KEEP + signing, "<w:b/><w:bCs/>"),
        style("SignatoryTitle", "Signatory Title", KEEP + tight),
    ]


def letter_styles() -> list[str]:
    """The parts of a letter: letterhead, addressee block, date, salutation."""
    tight = '<w:spacing w:after="0"/>'
    return [
        style("LetterheadName", "Letterhead Name", tight, '<w:b/><w:bCs/><w:sz w:val="28"/>'),
        style(
            "LetterheadAddress",
            "Letterhead Address",
            tight,
            '<w:color w:val="505A5F"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        ),
        style("Address", "Address", tight),
        style("LetterDate", "Letter Date", '<w:spacing w:before="240" w:after="240"/>'),
        style("Salutation", "Salutation"),
    ]


def level(ilvl: int, number_format: str, text: str, linked_style: str = "") -> str:
    left = (ilvl + 1) * INDENT
    link = f'<w:pStyle w:val="{linked_style}"/>' if linked_style else ""
    font = (
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>'
        if number_format == "bullet"
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>{link}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{INDENT}"/></w:pPr>{font}</w:lvl>'
    )


def abstract_num(number: int, name: str, formats: list[str], linked: bool = False) -> str:
    names = ["ListNumber", "ListNumber2", "ListNumber3"] if linked else ["", "", ""]
    levels = "".join(
        level(i, f, "•" if f == "bullet" else f"%{i + 1}.", names[i] if i < 3 else "")
        for i, f in enumerate(formats)
    )
    return (
        f'<w:abstractNum w:abstractNumId="{number}"><w:nsid w:val="{0x1D0C0000 + number:08X}"/>'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{levels}</w:abstractNum>'
    )


def numbering() -> str:
    abstracts = [
        abstract_num(
            0, "Direction paragraphs 1. a. i.", ["decimal", "lowerLetter", "lowerRoman"], True
        ),
        abstract_num(1, "Direction paragraphs 1. i. a.", ["decimal", "lowerRoman", "lowerLetter"]),
        abstract_num(2, "Bullets", ["bullet"] * 4),
    ]
    nums = "".join(
        f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(3)
    )
    return f'<w:numbering xmlns:w="{W}">{"".join(abstracts)}{nums}</w:numbering>'


def core_properties() -> str:
    return (
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Statutory direction</dc:title><dc:creator>Department for Education</dc:creator>"
        "<dc:language>en-GB</dc:language></cp:coreProperties>"
    )


def app_properties() -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>drafting</Application></Properties>"
    )


def write_template(path: Path, kind: str) -> None:
    parts = {
        "[Content_Types].xml": content_types(kind),
        "_rels/.rels": package_rels(),
        "docProps/core.xml": core_properties(),
        "docProps/app.xml": app_properties(),
        "word/document.xml": document(kind),
        "word/_rels/document.xml.rels": document_rels(kind),
        "word/styles.xml": styles(kind),
        "word/numbering.xml": numbering(),
        "word/settings.xml": settings(),
        "word/footer1.xml": footer(),
        **({"word/footer2.xml": footer(numbered=False)} if kind == "letter" else {}),
        "word/fontTable.xml": font_table(),
        "word/theme/theme1.xml": theme(),
    }
    header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, header + xml)


if __name__ == "__main__":
    for kind in ("direction", "letter"):
        write_template(Path(__file__).with_name(f"{kind}.docx"), kind)
