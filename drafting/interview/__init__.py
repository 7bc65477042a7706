"""The drafting interview: questions that build a spec, one answer at a time.

One engine, several presenters (the terminal wizard in `cli/`, the browser front end): the
engine knows the spec, the clause library and the checks; a presenter only shows questions and
hands back answers.  Nothing here needs a terminal, and an answer costs a few milliseconds, so a
web request per answer is cheap.

    interview = Interview.start(path)                  a new answers file (refused if one is there)
    interview = Interview.start(path, from_spec=spec)  begun from a spec: every answer of it kept
    interview = Interview.start(path, restart=True)    over an existing answers file (ask first!)
    interview = Interview.resume(path)                 carry on where it stopped (any spec resumes)

    interview.question          the Question due now, or None at the review
    interview.section(q)        its Section: `.progress` is "Section 3 of 9: The council"
    interview.sections          the Sections that have questions
    interview.questions()       every question, as the answers so far make them
    interview.answer(value)     a Step: .saved, .problems (each at a question id), .question next
    interview.answer(v, confirm=True)   accept an answer that raised a "confirm" problem
    interview.back()            one question back (from the review: the last); answers kept
    interview.back(typed)       the same, keeping what was typed at the question due (offered again)
    interview.change(id)        from the review, one question, then straight back to the review
    interview.change_section(id)  from the review, a section's questions, then back to the review
    interview.to_review()       go to the review
    interview.review()          a Review: .documents {"direction": text, "letter": text} as
                                `drafting text` shows them, .findings (errors first),
                                .answers [(Section, [Question])], .can_write
    interview.write(output, force)      write the spec and build its documents (a `Built`)
    answer_unattended(interview, data)  every default, `data` {question id: text} overriding

A `Question` has `id` (stable: mostly the answer's place in the spec, `council.name`), `label`
and `help` (plain words), `kind` (text, date, lines, yes-no, choice, choices), `choices`
(`Choice(value, label)`), `suggestions` (for text), `default` (the current answer, else the
suggestion) and `required`.  Values handed back: text for text and date (dates as people type
them), a list of text for lines (or text separated by ";"), True/False for yes-no (or yes/no), a
choice's value (or label) for choice, a list of values for choices.

A `Problem` has `message` (plain words), `question` (the id it concerns; None: the whole spec)
and `severity`: `error` (not saved, or the section's check failed: answer again), `warning`
(saved; worth a look) or `confirm` (not saved until given again with `confirm=True`).

The answers file is the whole state: answers at their place in the spec, and what only the
interview needs under `interview:` (which the build ignores), written atomically after every
answer.  A hand-edited answers file of the wrong shape is a `SpecError` naming file, line and
field, and is never overwritten.
"""

from drafting.interview._engine import Interview, Review, Step
from drafting.interview._questions import Choice, Problem, Question, Section
from drafting.interview._unattended import answer_unattended

__all__ = [
    "Choice",
    "Interview",
    "Problem",
    "Question",
    "Review",
    "Section",
    "Step",
    "answer_unattended",
]
