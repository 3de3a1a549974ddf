"""One act given two days, read against each article's publication date."""
from conftest import claim_with

from claims.compare import DateComparator


def _flag(claims, ctx, a: str, b: str):
    return DateComparator().compare(claim_with(claims, a), claim_with(claims, b), ctx)


def test_one_closure_on_two_days_across_outlets_is_flagged(corpus):
    claims, ctx = corpus({
        # published Sunday 10 March 2019 and Saturday 9 March 2019
        "a.md": ("The harbour board had to close Saturday the old pier where the ferries dock.\n", "2019-03-10"),
        "b.md": ("The harbour board on Friday closed the old pier where the ferries dock.\n", "2019-03-09"),
    })
    flag = _flag(claims, ctx, "close Saturday", "on Friday closed")
    assert flag is not None and flag.kind == "date"
    assert "Sat 09 Mar 2019" in flag.explanation and "Fri 08 Mar 2019" in flag.explanation


def test_the_same_day_named_differently_is_not_flagged(corpus):
    claims, ctx = corpus({
        # "Saturday" in an article of Sunday 10 March and "yesterday" in one of Sunday too
        "a.md": ("The harbour authority published its report Saturday, calling the pier unsafe.\n", "2019-03-10"),
        "b.md": ("The harbour authority published a report yesterday saying the pier was unsafe.\n", "2019-03-10"),
    })
    assert _flag(claims, ctx, "report Saturday", "report yesterday") is None


def test_a_year_and_a_day_within_it_agree(corpus):
    claims, ctx = corpus({
        "a.md": ("The harbour authority published its report on March 2, calling the pier unsafe.\n", "2019-03-10"),
        "b.md": ("The harbour authority published a report in 2019 saying the pier was unsafe.\n", "2019-03-10"),
    })
    assert _flag(claims, ctx, "on March 2", "in 2019") is None


def test_different_acts_on_different_days_are_not_flagged(corpus):
    claims, ctx = corpus({
        "a.md": ("The regional assembly voted on Tuesday to close the old pier.\n", "2019-03-10"),
        "b.md": ("Fishermen protested on Thursday outside the regional assembly.\n", "2019-03-10"),
    })
    assert _flag(claims, ctx, "voted on Tuesday", "protested on Thursday") is None


def test_weekdays_of_articles_without_publication_dates_are_not_compared(corpus):
    claims, ctx = corpus({
        "a.md": ("The harbour board had to close Saturday the old pier where the ferries dock.\n", None),
        "b.md": ("The harbour board on Friday closed the old pier where the ferries dock.\n", None),
    })
    assert _flag(claims, ctx, "close Saturday", "on Friday closed") is None


def test_a_lease_expiring_in_two_years_is_flagged(corpus):
    claims, ctx = corpus({
        "a.md": ("The harbour's lease on the northern quay formally expires in 2031.\n", "2025-05-02"),
        "b.md": ("The council may buy the quay outright before the harbour's lease expires in 2030.\n", "2025-05-02"),
    })
    flag = _flag(claims, ctx, "formally expires in 2031", "lease expires in 2030")
    assert flag is not None and flag.kind == "date"
