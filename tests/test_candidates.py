"""Candidate pairs: blocking finds what k-NN alone misses, and never pairs a repeat with itself."""
from __future__ import annotations


def test_a_denial_is_compared_with_its_assertion_even_among_many_near_copies(run_articles):
    # Many near-identical positive claims crowd the denial out of its nearest neighbours;
    # the negation block still pairs them.
    towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fairview", "Glenrock", "Hollis",
             "Ivybridge", "Juniper", "Kestrel", "Larkspur", "Millbrook"]
    articles = {f"{i:02d}.txt": f"Governor Ana Ruiz declared a state of emergency in {t} county on Monday.\n"
                for i, t in enumerate(towns)}
    articles["z.txt"] = "The regional government has not declared a state of emergency, opposition leaders said.\n"
    report = run_articles(articles)
    assert report.flags, "the denial was never compared with the assertions"
    assert all(f.kind == "negation" for f in report.flags)
    assert len(report.flags) <= 3  # one disagreement: a few examples shown, the rest counted
    assert "more pair" in report.flags[0].explanation
