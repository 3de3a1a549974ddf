"""Candidate pairs: blocking finds what k-NN alone misses, and never pairs a repeat with itself."""
from __future__ import annotations


def test_a_denial_is_compared_with_its_assertion_even_among_many_near_copies(run_articles):
    # Many near-identical positive claims crowd the denial out of its nearest neighbours;
    # the negation block still pairs them.
    towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fairview", "Glenrock", "Hollis",
             "Ivybridge", "Juniper", "Kestrel", "Larkspur", "Millbrook"]
    articles = {f"{i:02d}.txt": f"Governor Ana Ruiz declared a state of emergency in {t} county on Monday.\n"
                for i, t in enumerate(towns)}
    articles["z.txt"] = "The regional government has not declared a state of emergency in the county.\n"
    from claims.compare import default_settings

    settings = default_settings()
    settings.section("negation").denial_rule = True  # off by default; the blocking must still pair them
    report = run_articles(articles, settings=settings)
    assert report.flags, "the denial was never compared with the assertions"
    assert all(f.kind == "negation" for f in report.flags)
    assert len(report.flags) <= 3  # one disagreement: a few examples shown, the rest counted
    assert "more pair" in report.flags[0].explanation


def test_collapsed_flags_name_the_other_articles(run_articles):
    articles = {f"{i:02d}.txt": f"The port authority said 1,400 containers were lost when the storm hit terminal {i}.\n"
                for i in range(8)}
    articles["z.txt"] = "The port authority said 140 containers were lost when the storm hit the terminal.\n"
    report = run_articles(articles)
    docs = {d.id: d.name for d in report.documents}
    by_id = {c.id: c for c in report.claims}
    shown = {docs[by_id[c].doc] for f in report.flags for c in (f.a, f.b)}
    summary = next(f for f in report.flags if f.similar)
    named = summary.explanation.split("also in ", 1)[1]
    others = [name for name in docs.values() if name not in shown]
    assert others and all(name in named for name in others)
