"""A small mixed feed of invented news: three events and two single articles."""
from __future__ import annotations

from pathlib import Path

# (file name, event, title, outlet, date, body)
ARTICLES = [
    ("ferry-gazette.md", "ferry", "Ferry sinks on Lake Orvana, dozens missing", "Harbour Gazette", "2025-03-04",
     "A passenger ferry capsized on Lake Orvana on Tuesday evening. The coast guard said 41 people were rescued "
     "and 23 are missing. Captain Ilse Marten said the ferry carried 180 passengers when a storm hit."),
    ("ferry-wire.md", "ferry", "Dozens missing after Lake Orvana ferry capsizes in storm", "Lakeside Wire",
     "2025-03-04",
     "Rescuers searched Lake Orvana overnight after a ferry capsized in a storm. The coast guard said 40 people "
     "were pulled from the water. Ferry captain Ilse Marten told reporters the vessel had 180 people on board."),
    ("ferry-daily.md", "ferry", "Orvana ferry disaster: search for survivors continues", "National Daily",
     "2025-03-05",
     "Divers resumed the search for survivors of the Lake Orvana ferry disaster on Wednesday. The coast guard "
     "said 23 passengers were still missing a day after the ferry capsized in a storm."),
    ("budget-herald.md", "budget", "Eastvale council passes budget with transit cuts", "Eastvale Herald",
     "2025-06-10",
     "The Eastvale city council approved the annual budget by seven votes to four on Monday night. Mayor Dora "
     "Kellen said the budget cuts bus routes to pay for road repairs. Council member Abel Pryce voted against."),
    ("budget-times.md", "budget", "Eastvale budget approved after long debate over bus routes", "Valley Times",
     "2025-06-11",
     "After a five-hour debate, Eastvale's council approved a budget that trims bus service. Mayor Dora Kellen "
     "defended the cuts to transit, saying road repairs could not wait. The vote was seven to four."),
    ("fire-post.md", "fire", "Wildfire forces evacuations in Northridge hills", "Northridge Post", "2024-08-20",
     "A wildfire in the Northridge hills forced 3,000 residents from their homes on Tuesday. Fire chief Rosa "
     "Quint said dry winds pushed the blaze across 2,400 hectares of forest."),
    ("fire-radio.md", "fire", "Northridge wildfire grows, thousands evacuated", "Radio North", "2024-08-20",
     "Firefighters battled a growing wildfire in the Northridge hills as about 3,000 people were evacuated. "
     "Chief Rosa Quint said the fire had burned 2,400 hectares."),
    ("fire-weekly.md", "fire", "Northridge hills blaze: residents return as wildfire is contained",
     "Northridge Weekly", "2024-08-23",
     "Residents evacuated from the Northridge hills began returning home on Friday after firefighters contained "
     "the wildfire. Fire chief Rosa Quint said the blaze burned 2,600 hectares."),
    ("match.md", None, "Harbour City win cup final on penalties", "Sports Desk", "2025-01-12",
     "Harbour City beat Westport Rovers on penalties in the cup final on Sunday after a goalless draw. "
     "Goalkeeper Tomas Vell saved two spot kicks."),
    ("museum.md", None, "New maritime museum opens in Port Ilse", "Culture Notes", "2023-11-02",
     "A maritime museum opened in Port Ilse on Thursday with a collection of ship models and old charts. "
     "Curator Mina Osk said the museum expects 50,000 visitors a year."),
]


def write_article(folder: Path, name: str, title: str, outlet: str, date: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: \"{title}\"\noutlet: {outlet}\npublished: {date}\n---\n\n{title}\n\n{body}\n",
                    encoding="utf-8")
    return path


def write_feed(folder: Path, names: set[str] | None = None) -> dict[str, str | None]:
    """Write the articles (all, or those named) into ``folder``; returns file name -> event."""
    folder.mkdir(parents=True, exist_ok=True)
    events = {}
    for name, event, title, outlet, date, body in ARTICLES:
        if names is None or name in names:
            write_article(folder, name, title, outlet, date, body)
            events[name] = event
    return events
