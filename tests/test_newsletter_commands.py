"""`netwerk nieuwsbrief test` and `netwerk nieuw nieuwsbrief` (issue 16): each test mail is a
message of its own, and a new edition is named after its month."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from conftest import Site
from netwerk.editing.cli import edition_month
from test_cli import NEWSLETTER, Netwerk, SmtpSink, built_newsletter, netwerk, smtp

__all__ = ["built_newsletter", "netwerk", "smtp"]  # fixtures from test_cli


def send(netwerk: Netwerk, site: Site, smtp: SmtpSink) -> EmailMessage:
    run = netwerk(
        site.root,
        "nieuwsbrief",
        "test",
        "2026-10",
        "po",
        "--smtp",
        f"127.0.0.1:{smtp.port}",
        "--aan",
        "redactie@example.nl",
    )
    assert run.code == 0, run.err
    return smtp.received[-1].message


def test_each_test_mail_has_its_own_message_id_and_the_time_it_was_sent(
    netwerk: Netwerk, built_newsletter: Site, smtp: SmtpSink
) -> None:
    eml = built_newsletter.output / "nieuwsbrief" / "po" / "2026-10" / "bericht.eml"
    before = eml.read_bytes()
    built = email.message_from_bytes(before, policy=email.policy.default)
    first = send(netwerk, built_newsletter, smtp)
    second = send(netwerk, built_newsletter, smtp)

    ids = {built["Message-ID"], first["Message-ID"], second["Message-ID"]}
    assert len(ids) == 3
    for message in (first, second):
        assert message["Message-ID"].endswith("@netwerk.example.nl>")
        assert message.get_all("Message-ID") == [message["Message-ID"]]
        assert len(message.get_all("Date")) == 1
        sent = parsedate_to_datetime(message["Date"])
        assert abs(datetime.now(UTC) - sent) < timedelta(minutes=5)
    # The edition's own date stays in the built message, which the test leaves as it was.
    assert parsedate_to_datetime(built["Date"]).date() == date(2026, 10, 5)
    assert eml.read_bytes() == before


@pytest.mark.parametrize(
    ("title", "month"),
    [
        ("Nieuwsbrief december", "2026-12"),
        ("Nieuwsbrief november", "2026-11"),
        ("Nieuwsbrief maart", "2027-03"),
        ("Nieuwsbrief Maart 2026", "2026-03"),
        ("Extra editie", "2026-11"),
        ("Meivakantie en meer", "2026-11"),
    ],
)
def test_an_edition_s_month_comes_from_its_title_or_today(title: str, month: str) -> None:
    assert edition_month(title, date(2026, 11, 23)) == month


def test_a_new_edition_without_a_date_is_named_after_its_month(
    netwerk: Netwerk, small_site: Site
) -> None:
    small_site.configure(**NEWSLETTER)
    run = netwerk(small_site.root, "nieuw", "nieuwsbrief", "Nieuwsbrief december")
    assert run.lines == [
        "Aangemaakt: newsletters/2026-12.md",
        "Vul nog in (verplicht): date",
        "Controleer daarna met: netwerk controleer",
    ]
    check = netwerk(small_site.root, "controleer")
    assert check.lines[1:] == [
        "newsletters/2026-12.md:3: date: is leeg; vul de datum in, bijvoorbeeld date: 2026-03-02"
    ]
    again = netwerk(small_site.root, "nieuw", "nieuwsbrief", "Nieuwsbrief december")
    assert again.err == (
        "Fout: newsletters/2026-12.md bestaat al; kies een andere titel of geef een andere "
        "bestandsnaam met --naam, zoals --naam 2026-12-2\n"
    )
