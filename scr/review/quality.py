"""SCIE's quality markers of a good review, as a checklist on the review (shared/domain.md).

A review keeps a status and a note for each marker someone has assessed (a list of
``{"marker", "status", "note"}``); ``checklist`` gives all 18 in SCIE's order, each marker
not yet assessed as such.
"""

from __future__ import annotations

from typing import Any

from scr.vocabulary import MarkerStatus, QualityMarker

Q = QualityMarker
GROUPS: list[tuple[str, list[tuple[QualityMarker, str]]]] = [
    (
        "Setting up the review",
        [
            (Q.referral, "Referral"),
            (Q.decision, "Decision to review"),
            (Q.advising_the_board, "Advising the Board"),
            (Q.informing_the_family, "Informing the family"),
            (Q.clarity_of_purpose, "Clarity of purpose"),
        ],
    ),
    (
        "Running the review",
        [
            (Q.commissioning, "Commissioning"),
            (Q.governance, "Governance"),
            (Q.management, "Management"),
            (Q.parallel_processes, "Parallel processes"),
            (Q.assembling_information, "Assembling information"),
            (Q.practitioner_involvement, "Practitioner involvement"),
            (Q.family_involvement, "Family involvement"),
            (Q.analysis, "Analysis"),
        ],
    ),
    (
        "The review's outputs",
        [
            (Q.report, "The report"),
            (Q.improvement_action, "Improvement action"),
            (Q.board_response, "The Board's response"),
            (Q.publication, "Publication"),
            (Q.implementation_and_evaluation, "Implementation and evaluation"),
        ],
    ),
]

STATUS_WORDS = {
    MarkerStatus.not_assessed: "Not yet assessed",
    MarkerStatus.met: "Met",
    MarkerStatus.partly_met: "Partly met",
    MarkerStatus.not_met: "Not met",
    MarkerStatus.not_applicable: "Not applicable",
}


def checklist(stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All 18 markers in order, each with its group, label, status and note."""
    assessed = {entry["marker"]: entry for entry in stored}
    return [
        {
            "marker": marker,
            "group": group,
            "label": label,
            "status": MarkerStatus(assessed.get(marker.value, {}).get("status", "not_assessed")),
            "note": assessed.get(marker.value, {}).get("note"),
        }
        for group, markers in GROUPS
        for marker, label in markers
    ]


def refuse_repeats(entries: list[Any]) -> list[Any]:
    """``entries`` if no marker is in it twice; ValueError naming the one that is."""
    seen: set[str] = set()
    for entry in entries:
        if entry.marker in seen:
            raise ValueError(f"names the quality marker {entry.marker.value!r} twice")
        seen.add(entry.marker)
    return entries
