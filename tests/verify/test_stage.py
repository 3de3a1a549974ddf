"""The verify stage in the pipeline: it keeps the rules' flags and adds the verifier's, ranked below them."""
from __future__ import annotations

from claims.settings import Settings

ARTICLES = {
    "river.md": ("---\npublished: 2031-05-16\n---\n\nThe flood forced 4,300 residents of Marlow County from their "
                 "homes, officials said.\n\nFire chief Oriana Velasquez said the river crested on Thursday.\n\n"
                 "Schools in Marlow County will stay closed until the water recedes.\n"),
    "valley.md": ("---\npublished: 2031-05-16\n---\n\nAbout 1,300 residents of Marlow County were forced from "
                  "their homes by the flood.\n\nFire chief Oriana Velazquez said the river crested on Thursday.\n\n"
                  "Schools in Marlowe County will stay closed until the water recedes.\n"),
}


def verifying() -> Settings:
    settings = Settings()
    settings.verify.enabled = True
    return settings


def test_the_verifier_adds_flags_and_keeps_every_rule_flag(run_articles):
    rules = run_articles(ARTICLES)  # off by default
    both = run_articles(ARTICLES, settings=verifying())
    rule_pairs = {(f.a, f.b, f.kind) for f in rules.flags}
    assert rule_pairs <= {(f.a, f.b, f.kind) for f in both.flags}
    added = [f for f in both.flags if (f.a, f.b, f.kind) not in rule_pairs]
    # the rules compare people's names only: a county spelt two ways is the verifier's to find
    assert any("Marlowe County" in f.explanation for f in added), [f.explanation for f in both.flags]
    weight = both.settings.verify.score_weight
    assert all(f.score <= weight for f in added)  # the aligner's probability times the weight
    assert all(f.fact is not None and f.highlights_a and f.highlights_b for f in added)


def test_the_verifier_settings_are_written_into_the_report(run_articles):
    report = run_articles(ARTICLES, settings=verifying())
    explained = report.data["settings"]["verify"]
    assert explained["score_weight"]["why"] and explained["enabled"]["value"] is True


def test_the_cli_turns_the_verifier_on(tmp_path):
    import json

    from typer.testing import CliRunner

    from claims.cli import app

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    for flag, expected in (("--verify", True), ("--no-verify", False)):
        result = CliRunner().invoke(app, ["report", str(folder), "--out", str(out / f"{flag}.html"), "--quiet",
                                          "--no-cache", "--model", "fast", flag])
        assert result.exit_code == 0, result.output
        data = json.loads((out / f"{flag}.json").read_text(encoding="utf-8"))
        assert data["settings"]["verify"]["enabled"]["value"] is expected


def test_one_misspelt_place_is_a_few_flags_not_one_per_sentence(run_articles):
    lines = ["Schools in {} will stay closed until Monday.", "Roads across {} were still under water.",
             "Power returned to most of {} by evening.", "Volunteers in {} filled sandbags overnight.",
             "The governor toured {} on foot."]
    articles = {"a.md": "\n\n".join(line.format("Marlow County") for line in lines) + "\n",
                "b.md": "\n\n".join(line.format("Marlowe County") for line in lines) + "\n"}
    report = run_articles(articles, settings=verifying())
    spelled = [f for f in report.flags if "Marlowe County" in f.explanation]
    keep = report.settings.score.max_per_group
    assert 0 < len(spelled) <= keep
    assert sum(f.similar for f in spelled) > 0  # the rest are counted on the first, not dropped silently
