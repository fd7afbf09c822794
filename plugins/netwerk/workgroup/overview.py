"""The working group's overview: what the network agreed, and what is still open on a day.

Read from the published network and editions as the build reads them, for one day (the build
date): projects below their contributions, past activities without participants, sent editions
without results, the next edition per audience with what it would hold, standing pages not
changed for longer than agreed, and items that refer to a draft. Each entry names the file to
open and what to do. A section exists only when something in it is open (the next editions
are shown when there is one planned or agreed), and with nothing open the overview says so.

The command (`netwerk overzicht`, netwerk.editing.overview) prints it and writes it as CSV
(netwerk.workgroup.report); the site shows it to editors under /overzicht/
(netwerk.workgroup.pages). No MkDocs here, and nothing is read but what it is given
(`edition_files` lists the names in the newsletters' folder).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..agenda.pages import SchoolYear
from ..core import dates
from ..core.audiences import Audience
from ..core.editions import Edition
from ..core.fields import NEWSLETTER, ORGANISATION
from ..core.models import ORGANISATION_FILE, Activity, Item, NewsItem, Project
from ..core.network import Network
from ..core.options import Options
from ..newsletters.selection import Newsletter, select
from .history import History

# Decap CMS's address of an entry's form (netwerk.admin), from the site's root.
ADMIN_ENTRY = "admin/#/collections/{collection}/entries/{entry}"
ADMIN_NEW = "admin/#/collections/{collection}/new"
# The sections, in the order the overview shows them.
CONTRIBUTIONS = "bijdragen"
PARTICIPANTS = "deelnemers"
RESULTS = "resultaten"
NEXT_EDITIONS = "volgende-nieuwsbrief"
PAGES = "paginas"
REFERENCES = "verwijzingen"


def written(day: date) -> str:
    """`3 oktober 2026`: as babel writes `d MMMM y` in Dutch, without loading babel."""
    return f"{day.day} {dates.MONTHS[day.month - 1]} {day.year}"


def counted(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


@dataclass(frozen=True)
class Entry:
    """One thing open: the file to open, what it is about, how it stands and what to do."""

    path: str
    """The file, from the folder of mkdocs.yml: `content/agenda/leesavond.md`."""
    title: str
    state: str
    todo: str
    day: date | None = None
    """The day that matters: the activity's, the edition's, the last change."""
    page: str | None = None
    """The item's page, from the site's root, when it has one."""
    admin: str | None = None
    """Its form in the admin page, from the site's root, when the site has one."""
    contents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """What a newsletter would hold: (section, titles), the empty sections left out."""
    open: bool = True
    """False for what is only coming up (a next edition that is not due yet)."""

    @property
    def line(self) -> str:
        return f"{self.path}: {self.title}: {self.state}; {self.todo}"


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    entries: tuple[Entry, ...]
    intro: str = ""


@dataclass(frozen=True)
class Overview:
    day: date
    year: SchoolYear
    agreements: str
    """The network's agreements in one sentence; "" when it has none."""
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()
    """What the overview could not look at, and why."""

    @property
    def nothing_open(self) -> bool:
        return not any(entry.open for section in self.sections for entry in section.entries)

    @property
    def heading(self) -> str:
        return f"Wat er open staat op {written(self.day)} (schooljaar {self.year.label})"

    def entries(self) -> Iterator[tuple[Section, Entry]]:
        for section in self.sections:
            for entry in section.entries:
                yield section, entry


def overview(
    network: Network,
    editions: Sequence[Edition],
    options: Options,
    *,
    content_dir: str = "content",
    history: History | None = None,
    edition_files: Collection[str] = (),
) -> Overview:
    """What is open on the network's build date. `content_dir`: the content folder as editors
    see it (from the folder of mkdocs.yml); `history`: when files last changed (netwerk.workgroup
    .history), needed only with the agreement `page_age_days`; `edition_files`: the names of
    the files in the newsletters' folder, drafts included, which a new edition may not take."""
    today = network.today
    year = SchoolYear.of(today)
    found = _Finder(network, editions, options, content_dir, edition_files)
    sections = [
        found.contributions(year),
        found.participants(year),
        found.results(year),
        found.next_editions(year),
    ]
    notes: list[str] = []
    days = options.agreements.page_age_days
    if days is not None:
        if history is None or history.unavailable is not None:
            why = history.unavailable if history is not None else "er is geen geschiedenis"
            notes.append(f"Hoe oud pagina's zijn, staat niet in dit overzicht: {why}.")
        else:
            sections.append(found.old_pages(days, history))
    sections.append(found.references())
    return Overview(
        day=today,
        year=year,
        agreements=_agreements(options),
        sections=tuple(section for section in sections if section is not None),
        notes=tuple(notes),
    )


def edition_files(folder: Path) -> frozenset[str]:
    """The names of the edition files in the newsletters' folder, drafts included."""
    return frozenset(path.stem for path in folder.glob("*.md")) if folder.is_dir() else frozenset()


def _agreements(options: Options) -> str:
    agreed = options.agreements
    parts = []
    if agreed.contributions_per_project is not None:
        number = agreed.contributions_per_project
        parts.append(f"{counted(number, 'bijdrage', 'bijdragen')} per project per schooljaar")
    if agreed.editions_per_year is not None:
        number = agreed.editions_per_year
        parts.append(
            f"{counted(number, 'nieuwsbrief', 'nieuwsbrieven')} per doelgroep per schooljaar"
        )
    if agreed.page_age_days is not None:
        parts.append(f"pagina's bijwerken binnen {counted(agreed.page_age_days, 'dag', 'dagen')}")
    return f"Afspraken: {', '.join(parts)}." if parts else ""


@dataclass
class _Finder:
    network: Network
    editions: Sequence[Edition]
    options: Options
    content_dir: str
    edition_files: Collection[str] = ()

    @property
    def today(self) -> date:
        return self.network.today

    # --- Where an editor acts ---------------------------------------------------------------

    def admin(self, collection: str, entry: str | None) -> str | None:
        if self.options.admin is None:
            return None
        if entry is None:
            return ADMIN_NEW.format(collection=collection)
        return ADMIN_ENTRY.format(collection=collection, entry=entry)

    def content(self, uri: str) -> str:
        return f"{self.content_dir}/{uri}" if self.content_dir not in ("", ".") else uri

    def entry(self, item: Item, state: str, todo: str, day: date | None = None) -> Entry:
        return Entry(
            path=item.path,
            title=_title(item),
            state=state,
            todo=todo,
            day=day,
            page=item.page_url,
            admin=self.admin(item.folder, item.slug),
        )

    # --- 1. Projects below the contributions agreed --------------------------------------------

    def contributions(self, year: SchoolYear) -> Section | None:
        agreed = self.options.agreements
        needed = agreed.contributions_per_project
        if needed is None:
            return None
        network = self.network
        projects = [
            project
            for project in network.projects.values()
            if network.running(project)
            and (project.start is None or project.start <= year.last_day)
            and (project.end is None or project.end >= year.first_day)
        ]
        entries = []
        for project in projects:
            made = self._contributions(project, year)
            if len(made) >= needed:
                continue
            state = f"{len(made)} van {counted(needed, 'bijdrage', 'bijdragen')} in {year.label}"
            if made:
                state += ": " + "; ".join(
                    f"{_lower(label)} '{item.label}' ({written(day)})" for label, item, day in made
                )
            leads = f" (leads: {'; '.join(project.leads)})" if project.leads else ""
            missing = counted(needed - len(made), "bijdrage", "bijdragen")
            todo = (
                f"vraag de trekker{leads} om nog {missing} vóór "
                f"{written(year.last_day + timedelta(days=1))}: {self._contribution_kinds()} "
                f"met project: {project.slug}"
            )
            entries.append(self.entry(project, state, todo))
        if not entries:
            return None
        counting = self._contribution_kinds(described=True)
        running = counted(len(projects), "lopend project", "lopende projecten")
        intro = (
            f"Telt mee: {counting} met project: erbij, van schooljaar {year.label}. "
            f"{len(entries)} van de {running} {'heeft' if len(entries) == 1 else 'hebben'} er "
            f"nu minder dan {needed}."
        )
        title = (
            f"Projecten zonder bijdrage in schooljaar {year.label}"
            if needed == 1
            else f"Projecten met minder dan {needed} bijdragen in schooljaar {year.label}"
        )
        return Section(CONTRIBUTIONS, title, tuple(entries), intro)

    def _contributions(self, project: Project, year: SchoolYear) -> list[tuple[str, Item, date]]:
        """What counts as the project's contribution this school year: (kind, item, day)."""
        network, agreed = self.network, self.options.agreements
        settings = network.settings
        made: list[tuple[str, Item, date]] = []
        for news in network.news_by_project.get(project.slug, []):
            if news.kind in agreed.contribution_news_kinds and SchoolYear.of(news.date) == year:
                made.append((settings.news_kinds.get(news.kind, news.kind), news, news.date))
        for activity in network.activities_by_project.get(project.slug, []):
            if (
                activity.kind in agreed.contribution_activity_kinds
                and not network.cancelled(activity)
                and SchoolYear.of(activity.starts) == year
            ):
                label = settings.activity_kinds.get(activity.kind, activity.kind)
                made.append((label, activity, activity.first_day))
        return sorted(made, key=lambda found: (found[2], found[1].label))

    def _contribution_kinds(self, *, described: bool = False) -> str:
        """`een bericht of activiteit`, or (described) which kinds of each count."""
        settings, agreed = self.network.settings, self.options.agreements
        news, activities = agreed.contribution_news_kinds, agreed.contribution_activity_kinds
        if not described:
            nouns = [
                noun for noun, kinds in (("bericht", news), ("activiteit", activities)) if kinds
            ]
            return "een " + " of ".join(nouns)
        parts = []
        for plural, kinds, vocabulary in (
            ("berichten", news, settings.news_kinds),
            ("activiteiten", activities, settings.activity_kinds),
        ):
            if not kinds:
                continue
            if len(kinds) == len(vocabulary):
                parts.append(f"{plural} van elke soort")
            else:
                parts.append(f"{plural} van de soort {', '.join(kinds)}")
        if activities:
            parts[-1] += " (niet geannuleerd)"
        return " en ".join(parts)

    # --- 2. Past activities without participants --------------------------------------------

    def participants(self, year: SchoolYear) -> Section | None:
        network = self.network
        since = _previous(year).first_day
        entries = []
        for activity in network.activities.values():
            if (
                activity.participants is not None
                or activity.last_day >= self.today
                or activity.first_day < since
                or network.cancelled(activity)
            ):
                continue
            sectors = activity.sectors if network.sectors_shown else []
            example = "zet het aantal bij participants, zoals participants: 56"
            if len(sectors) > 1:
                per = ", ".join(
                    f"{sector}: {number}"
                    for sector, number in zip(sectors[:2], (30, 26), strict=False)
                )
                example += f", of per werkveld, zoals participants: {{{per}}}"
            entries.append(
                self.entry(
                    activity,
                    f"{written(activity.first_day)}, geen aantal deelnemers genoteerd",
                    example,
                    activity.first_day,
                )
            )
        if not entries:
            return None
        return Section(
            PARTICIPANTS,
            "Activiteiten zonder aantal deelnemers",
            tuple(entries),
            f"Activiteiten die geweest zijn, van schooljaar {_previous(year).label} en "
            f"{year.label}, zonder de geannuleerde. In cijfers en het jaarverslag tellen alleen "
            "de genoteerde deelnemers.",
        )

    # --- 3. Sent editions without results -------------------------------------------------------

    def results(self, year: SchoolYear) -> Section | None:
        since = _previous(year).first_day
        entries = []
        for edition in self.editions:
            if not since <= edition.date <= self.today:
                continue
            for audience in self.options.audiences:
                if not edition.for_audience(audience) or audience.slug in edition.results:
                    continue
                entries.append(
                    Entry(
                        path=edition.path,
                        title=f"{audience.name} ({audience.slug})",
                        state=f"verstuurd op {written(edition.date)}, geen resultaten genoteerd",
                        todo=(
                            "noteer de cijfers van het mailprogramma met: netwerk nieuwsbrief "
                            f"resultaten {edition.slug} {audience.slug} --ontvangers N "
                            "--geopend N --geklikt N"
                        ),
                        day=edition.date,
                        page=f"nieuwsbrief/{audience.slug}/{edition.slug}/",
                        admin=self.admin(NEWSLETTER, edition.slug),
                    )
                )
        if not entries:
            return None
        return Section(
            RESULTS,
            "Verstuurde nieuwsbrieven zonder resultaten",
            tuple(entries),
            f"Edities van schooljaar {_previous(year).label} en {year.label}: "
            "per doelgroep het aantal ontvangers, en hoeveel er openden en doorklikten.",
        )

    # --- 4. The next edition per audience ---------------------------------------------------

    def next_editions(self, year: SchoolYear) -> Section | None:
        agreed = self.options.agreements
        interval = agreed.edition_interval
        planned: dict[str, Edition] = {}
        due: dict[str, tuple[date, Edition | None]] = {}
        for audience in self.options.audiences:
            mine = [edition for edition in self.editions if edition.for_audience(audience)]
            coming = [edition for edition in mine if edition.date > self.today]
            if coming:
                planned[audience.slug] = coming[0]
                continue
            if interval is None or agreed.editions_per_year is None:
                continue
            sent = [edition for edition in mine if edition.date <= self.today]
            day = sent[-1].date + timedelta(days=interval) if sent else self.today
            this_year = [edition for edition in sent if SchoolYear.of(edition.date) == year]
            if len(this_year) >= agreed.editions_per_year:
                day = max(day, year.last_day + timedelta(days=1))
            due[audience.slug] = (day, sent[-1] if sent else None)
        entries = []
        for audience in self.options.audiences:
            if audience.slug in planned:
                entries.append(self._planned(audience, planned[audience.slug], year))
            elif audience.slug in due:
                day, previous = due[audience.slug]
                sharing = [slug for slug, (other, _) in due.items() if other == day]
                entries.append(self._due(audience, day, previous, sharing, year))
        if not entries:
            return None
        intro = "Wat een editie zou bevatten, is wat de build er nu in zou zetten."
        if interval is not None and agreed.editions_per_year is not None:
            per_year = counted(agreed.editions_per_year, "editie", "edities")
            intro = (
                f"Met {per_year} per schooljaar is er ongeveer elke {interval} dagen een aan de "
                f"beurt. {intro}"
            )
        return Section(NEXT_EDITIONS, "Volgende nieuwsbrief per doelgroep", tuple(entries), intro)

    def _sent_this_year(self, audience: Audience, year: SchoolYear) -> str:
        agreed = self.options.agreements.editions_per_year
        if agreed is None:
            return ""
        sent = [
            edition
            for edition in self.editions
            if edition.for_audience(audience)
            and edition.date <= self.today
            and SchoolYear.of(edition.date) == year
        ]
        return f"; dit schooljaar {len(sent)} van {agreed} verstuurd"

    def _planned(self, audience: Audience, edition: Edition, year: SchoolYear) -> Entry:
        mine = [e for e in self.editions if e.for_audience(audience) and e.date <= edition.date]
        letter = self._letter(audience, mine, edition)
        return Entry(
            path=edition.path,
            title=f"{audience.name} ({audience.slug})",
            state=(
                f"{edition.subject} gaat uit op {written(edition.date)}"
                f"{self._sent_this_year(audience, year)}{_empty(letter)}"
            ),
            todo="kijk na wat erin komt, en zet erbij wat nog ontbreekt",
            day=edition.date,
            page=letter.url,
            admin=self.admin(NEWSLETTER, edition.slug),
            contents=_contents(letter),
            open=False,
        )

    def _due(
        self,
        audience: Audience,
        day: date,
        previous: Edition | None,
        sharing: list[str],
        year: SchoolYear,
    ) -> Entry:
        overdue = day < self.today
        sent_on = max(day, self.today)
        month = f"{sent_on:%Y-%m}"
        subject = f"Nieuwsbrief {dates.MONTHS[sent_on.month - 1]} {sent_on.year}"
        hypothetical = Edition.model_construct(date=sent_on, subject=subject)
        hypothetical.from_file(month, f"{self.options.newsletters_dir}/{month}.md", "")
        mine = [e for e in self.editions if e.for_audience(audience) and e.date <= self.today]
        letter = self._letter(audience, [*mine, hypothetical], hypothetical)
        if previous is None:
            when = "nog nooit verstuurd: aan de beurt"
        else:
            was = "was" if overdue else "is"
            when = (
                f"{was} aan de beurt rond {written(day)} (de vorige ging uit op "
                f"{written(previous.date)})"
            )
        command = f'netwerk nieuw nieuwsbrief "{subject}" --date {sent_on.isoformat()}'
        if len(sharing) < len(self.options.audiences):
            command += f" --audiences {','.join(sharing)}"
        name = month
        if month in self.edition_files or any(e.slug == month for e in self.editions):
            # Taken by an edition for others, or by a draft: a name of its own.
            together = len(sharing) < len(self.options.audiences)
            name = f"{month}-{'-'.join(sharing)}" if together else f"{month}-2"
            command += f" --naam {name}"
        return Entry(
            path=f"{self.options.newsletters_dir}/{name}.md",
            title=f"{audience.name} ({audience.slug})",
            state=f"{when}{self._sent_this_year(audience, year)}{_empty(letter)}",
            todo=f"maak de editie met: {command}",
            day=day,
            admin=self.admin(NEWSLETTER, None),
            contents=_contents(letter),
            open=overdue or previous is None,
        )

    def _letter(
        self, audience: Audience, editions: Sequence[Edition], edition: Edition
    ) -> Newsletter:
        """What `edition` holds for the audience, after the editions before it."""
        days = self.options.newsletter_horizon_days
        letters = select(self.network, editions, [audience], horizon_days=days)
        return next(letter for letter in letters if letter.edition is edition)

    # --- 5. Standing pages not changed for too long --------------------------------------------

    def old_pages(self, days: int, history: History) -> Section | None:
        network = self.network
        standing: list[tuple[Item | None, str]] = [
            *((partner, partner.path) for partner in network.partners.values()),
            *((theme, theme.path) for theme in network.themes.values()),
            *(
                (project, project.path)
                for project in network.projects.values()
                if not network.finished(project)
            ),
        ]
        if ORGANISATION_FILE in network.files:
            standing.append((None, self.content(ORGANISATION_FILE)))
        found = []
        for item, path in standing:
            last = history.last_change(path)
            if last is None or (self.today - last).days <= days:
                continue
            state = f"niet veranderd sinds {written(last)}"
            todo = "kijk na of alles nog klopt, en werk bij wat veranderd is"
            if item is None:
                entry = Entry(
                    path=path,
                    title="Wie is wie",
                    state=state,
                    todo=todo,
                    day=last,
                    page="organisatie/" if network.has_organisation else None,
                    admin=self.admin(ORGANISATION, ORGANISATION),
                )
            else:
                entry = self.entry(item, state, todo, last)
            found.append(entry)
        if not found:
            return None
        found.sort(key=lambda entry: (entry.day or self.today, entry.path))
        return Section(
            PAGES,
            f"Pagina's die langer dan {counted(days, 'dag', 'dagen')} niet zijn veranderd",
            tuple(found),
            "Partners, thema's, projecten die niet afgerond zijn, en wie is wie. De datum is die "
            "van de laatste wijziging in git; wat je nu verandert, telt als vandaag.",
        )

    # --- 6. References to a draft or to nothing published -----------------------------------

    def references(self) -> Section | None:
        network = self.network
        entries = [
            self._reference(item, name, folder, slug)
            for item in network.items()
            for name, folder, slug in _references(item)
            if slug not in _published(network, folder)
        ]
        organisation = self.content(ORGANISATION_FILE)
        for group in network.organisation.groups:
            for member in group.members:
                for name, folder, slug in (
                    ("partner", "partners", member.partner),
                    ("theme", "themas", member.theme),
                ):
                    if slug is None or slug in _published(network, folder):
                        continue
                    entries.append(
                        Entry(
                            path=organisation,
                            title=f"Wie is wie, {group.name}: {member.name or member.role}",
                            state=self._unpublished(name, folder, slug),
                            todo=self._unpublished_todo(name, folder, slug),
                            page="organisatie/",
                            admin=self.admin(ORGANISATION, ORGANISATION),
                        )
                    )
        if not entries:
            return None
        return Section(
            REFERENCES,
            "Verwijzingen naar een concept",
            tuple(entries),
            "Een verwijzing naar een item dat niet gepubliceerd is, staat nergens op de site: "
            "het item hoort er dan niet bij.",
        )

    def _reference(self, item: Item, name: str, folder: str, slug: str) -> Entry:
        return self.entry(
            item,
            self._unpublished(name, folder, slug),
            self._unpublished_todo(name, folder, slug),
        )

    def _unpublished(self, name: str, folder: str, slug: str) -> str:
        if f"{folder}/{slug}.md" in self.network.files:
            return f"{name}: {slug} is een concept (draft: true)"
        return f"{name}: {slug} is niet gepubliceerd"

    def _unpublished_todo(self, name: str, folder: str, slug: str) -> str:
        target = self.content(f"{folder}/{slug}.md")
        if f"{folder}/{slug}.md" in self.network.files:
            return f"publiceer {target} (haal draft: true weg), of haal {slug} weg bij {name}"
        return f"haal {slug} weg bij {name}, of maak {target}"


def _previous(year: SchoolYear) -> SchoolYear:
    return SchoolYear(year.start_year - 1)


def _title(item: Item) -> str:
    if isinstance(item, Project) and item.code:
        return f"{item.label} ({item.code})"
    return item.label


def _lower(label: str) -> str:
    """A kind's name inside a sentence: `Goed voorbeeld` as `goed voorbeeld` (not `VVE`)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _published(network: Network, folder: str) -> Container[str]:
    """The slugs of a collection items refer to (drafts are not in the network)."""
    if folder == "partners":
        return network.partners
    return network.themes if folder == "themas" else network.projects


def _references(item: Item) -> Iterable[tuple[str, str, str]]:
    """Every reference an item makes: (field, folder, slug)."""
    fields = (
        ("themes", "themas"),
        ("theme", "themas"),
        ("partners", "partners"),
        ("project", "projecten"),
        ("projects", "projecten"),
    )
    for name, folder in fields:
        value = getattr(item, name, None)
        if isinstance(value, str):
            yield name, folder, value
        elif isinstance(value, list):
            for slug in value:
                yield name, folder, str(slug)


def _contents(letter: Newsletter) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The newsletter's sections as the email names them, with each entry's title."""
    sections: list[tuple[str, Sequence[Item]]] = [
        ("Uitgelicht", letter.highlights),
        ("Nieuws", letter.news),
        ("Nieuwe kansen", letter.calls),
        ("Agenda", letter.activities),
        ("Lopende projecten", letter.projects),
    ]
    return tuple((name, tuple(_shown(item) for item in items)) for name, items in sections if items)


def _shown(item: Item) -> str:
    if isinstance(item, Activity):
        return f"{item.label} ({written(item.first_day)})"
    if isinstance(item, NewsItem):
        return item.label
    return _title(item)


def _empty(letter: Newsletter) -> str:
    if letter.has_news:
        return ""
    return "; er is nu nog geen nieuws en niets op de agenda voor deze doelgroep"
