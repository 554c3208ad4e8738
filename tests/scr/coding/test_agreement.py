"""The agreement statistics against reference implementations, on many generated codings."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from scr.coding.agreement import cohen_kappa, krippendorff_alpha, percent_agreement

LABELS = ["a", "b", "c", "d"]


def _coding(rng: random.Random, units: int, agree: float) -> tuple[list[str], list[str]]:
    first = [rng.choice(LABELS[: rng.randint(2, 4)]) for _ in range(units)]
    second = [v if rng.random() < agree else rng.choice(LABELS) for v in first]
    return first, second


def test_cohen_kappa_matches_scikit_learn_on_many_codings() -> None:
    rng = random.Random(1)
    compared = 0
    for _ in range(500):
        first, second = _coding(rng, rng.randint(5, 60), rng.random())
        ours = cohen_kappa(first, second)
        if ours is None:
            continue
        assert ours == pytest.approx(cohen_kappa_score(first, second), abs=1e-9)
        compared += 1
    assert compared > 450


def test_krippendorff_alpha_matches_the_krippendorff_package_with_missing_values() -> None:
    rng = random.Random(2)
    index = {label: i for i, label in enumerate(LABELS)}
    compared = 0
    for _ in range(300):
        coders, n_units = rng.randint(2, 5), rng.randint(4, 40)
        truth = [rng.choice(LABELS) for _ in range(n_units)]
        matrix = [
            [
                None if rng.random() < 0.15 else (t if rng.random() < 0.7 else rng.choice(LABELS))
                for t in truth
            ]
            for _ in range(coders)
        ]
        units = [list(column) for column in zip(*matrix, strict=True)]
        ours = krippendorff_alpha(units)
        data = np.array(
            [[np.nan if v is None else index[v] for v in row] for row in matrix], dtype=float
        )
        if ours is None:
            continue
        reference = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert ours == pytest.approx(reference, abs=1e-9)
        compared += 1
    assert compared > 250


def test_degenerate_cases_are_undefined_not_invented() -> None:
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None
    assert krippendorff_alpha([["a", None], [None, "b"]]) is None
    assert percent_agreement([["a", None]]) is None
    assert percent_agreement([["a", "a"], ["a", "b"], ["b", None]]) == 0.5
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa(["a"], ["a", "b"])
