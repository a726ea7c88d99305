"""Lighthouse (pinned in tests/audit) on every page, mobile and desktop: accessibility, best practices and SEO at 100.

Performance is measured by `scripts/audit.py` (median of three runs); here each
page runs once per form factor, on loopback only. The site is built with
`site_url` at the served port, so its canonical links name the pages audited.
"""

from __future__ import annotations

import re

import pytest

from support.audit import lighthouse, site_pages

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def pages(built_site):
    found = site_pages(built_site)
    assert len(found) >= 6, found  # five parts and the videos index
    return found


@pytest.mark.timeout(600)
@pytest.mark.parametrize("form_factor", ["mobile", "desktop"])
def test_every_page_scores_100(site_url, pages, form_factor):
    reports = lighthouse([site_url + page for page in pages], form_factor, CATEGORIES)
    problems = []
    for report in reports:
        for category in CATEGORIES:
            if report.scores[category] != 100:
                problems.append(f"{report.url} {category} {report.scores[category]}")
        problems += [f"{report.url} could not run {audit} [{category}]: {why}" for audit, (category, why) in report.errors.items()]
        problems += [f"{report.url} {audit}: {title}" for audit, title in report.failing.items() if "[weight 0]" not in title]
    assert [r.url for r in reports] == [site_url + page for page in pages]
    assert not problems, "\n".join(problems)


def test_canonical_links_name_the_audited_pages(built_site, site_url, pages):
    """Lighthouse's canonical audit accepts any absolute URL; the pages must point at themselves."""
    for page in pages:
        html = (built_site / page / "index.html").read_text("utf-8")
        assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [site_url + page], page


@pytest.mark.timeout(300)
def test_a_cpu_slowdown_reaches_lighthouse(site_url, pages):
    """scripts/audit.py --cpu-slowdown: the multiplier Lighthouse ran with, read back from its report."""
    (report,) = lighthouse([site_url + pages[0]], "mobile", ("performance",), cpu_slowdown=2.5)
    assert report.cpu_slowdown == 2.5
    assert report.benchmark_index > 0, "the host's benchmark index, which calibration reads"
