"""The pages a site has: one list of which feature makes which pages, in one order.

The build renders these pages (netwerk.plugin; the preview through it), and netwerk.addresses
keeps items off their addresses. Between the glue and the features: it reads the features,
the glue and the editor's tools read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .agenda import pages as agenda
from .core.editions import Edition
from .core.network import Network
from .core.options import Options
from .core.pages import GeneratedPage
from .newsletters import pages as newsletters
from .numbers import pages as numbers
from .website import pages as website
from .website import sectors
from .workgroup import pages as workgroup


def pages(
    network: Network,
    options: Options,
    *,
    site_name: str,
    editions: Sequence[Edition] = (),
    letters: newsletters.Letters | None = None,
    complete: bool = False,
    project: tuple[Path, Path] | None = None,
) -> list[GeneratedPage]:
    """Every page the features make of this network, in the order MkDocs receives them.

    `letters`: the build's newsletters (newsletters.pages.letters), none when not given.
    `project`: the folder of mkdocs.yml and the content folder, for the working group's
    overview (how old a page is, from git); without it, no overview.
    `complete`: every overview and section page the settings allow, whatever the content
    (for netwerk.addresses; see website.overview_pages).
    """
    overviews = website.overview_pages(network, complete=complete)
    # The audiences with a letter sent: only they have an archive to read.
    today = options.settings.build_date
    sent = {
        letter.audience.slug
        for letter in (letters or newsletters.Letters()).letters
        if letter.edition.date <= today
    }
    agenda_pages = agenda.pages(network, complete=complete)  # the overview first (agenda.views)
    # The order is the order of the files MkDocs gets after the editors' own, so the order of
    # the pages in the search index and in sitemap.xml: changing it changes those files. It is
    # the order in which the parts were added to the generator, nothing more. The overviews
    # were once one list (partners, thema's, projecten, agenda, nieuws, kennisbank, then the
    # organisation); since a section without items has no overview, the agenda's comes after
    # the first three overviews the network has, which are those three when it has them all.
    return [
        # website: a page per published item
        *website.item_pages(network),
        # website: the first three overviews; agenda: its overview; website: the others
        *overviews[:3],
        *agenda_pages[:1],
        *overviews[3:],
        # website: the home page
        website.home_page(
            network,
            options.featured_memberships,
            site_name,
            sectors.stay_informed(network, options.audiences, options.mailing, sent=sent),
            options.home_blocks,
        ),
        # newsletters: the overview, an archive per audience, each letter's web version
        *newsletters.pages(letters or newsletters.Letters(), options),
        # website: partners per sector, the kennisbank per kind, the news archive per year
        *website.generated_pages(network, complete=complete),
        # numbers: /in-cijfers/ and a year report per school year
        *numbers.pages(network, editions, options.audiences),
        # agenda: per sector, the archive per school year, the programmes
        *agenda_pages[1:],
        # website: a page per sector at the site's root (/po/)
        *sectors.pages(
            network, options.audiences, options.mailing, options.featured_memberships, sent
        ),
        # handbook: its chapters, under /handleiding/
        *_handbook(options),
        # workgroup: the working group's overview, under /overzicht/
        *(workgroup.pages(network, editions, options, *project) if project else ()),
    ]


def _handbook(options: Options) -> list[GeneratedPage]:
    if not options.handbook:
        return []
    # Imported here: the handbook loads Jinja, which `netwerk controleer` (reading
    # netwerk.addresses) does without.
    from .handbook import pages as handbook

    return handbook.pages(options)
