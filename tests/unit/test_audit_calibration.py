"""The CPU slowdown that `scripts/audit.py --cpu-slowdown calibrated` gives Lighthouse (support.audit)."""

from __future__ import annotations

import pytest

from support.audit import calibrated_slowdown


@pytest.mark.parametrize(
    ("index", "slowdown"),
    # The calculator's own anchor points (lighthouse-cpu-throttling-calculator), and its floor.
    [(2000, 6.0), (1533, 4.0), (1300, 3.0), (1050, 2.5), (800, 2.0), (475, 1.5), (150, 1.0), (50, 1.0)],
)
def test_the_calculators_points(index, slowdown):
    assert calibrated_slowdown(index) == pytest.approx(slowdown, abs=0.01)


def test_a_faster_host_is_slowed_down_more():
    indices = range(0, 2500, 25)
    slowdowns = [calibrated_slowdown(i) for i in indices]
    assert slowdowns == sorted(slowdowns) and len(set(slowdowns)) > 80
