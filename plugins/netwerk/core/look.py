"""The network's look: its logo and colours from Material's `theme` in mkdocs.yml.

The same colours reach the site (as Material's CSS variables), the emails and the charts, each
checked for contrast (WCAG 2.2, 1.4.3): a colour that text is written in or on gets at least
4.5:1 against white, and is made darker, keeping its hue, where the network's own is lighter.
Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .problems import SettingsError, did_you_mean

TEXT_CONTRAST = 4.5
"""WCAG 1.4.3 (AA): text and its background."""
WHITE = "#ffffff"
DARK_TEXT = "#1f1f1f"
EMAIL_DARK_CARD = "#1c2630"
"""The card behind the email's text in dark mode (email.css)."""
EMAIL_BACKGROUND = "#eef1f4"
"""Around the email's card, behind its top line and footer (email.css): darker than white."""

# Material for MkDocs' colour names (its palette stylesheet): primary colour and whether
# Material writes dark text on it; accent colour.
PRIMARY: dict[str, tuple[str, bool]] = {
    "red": ("#ef5552", False),
    "pink": ("#e92063", False),
    "purple": ("#ab47bd", False),
    "deep-purple": ("#7e56c2", False),
    "indigo": ("#4051b5", False),
    "blue": ("#2094f3", False),
    "light-blue": ("#02a6f2", False),
    "cyan": ("#00bdd6", False),
    "teal": ("#009485", False),
    "green": ("#4cae4f", False),
    "light-green": ("#8bc34b", False),
    "lime": ("#cbdc38", True),
    "yellow": ("#ffec3d", True),
    "amber": ("#ffc105", True),
    "orange": ("#ffa724", True),
    "deep-orange": ("#ff6e42", False),
    "brown": ("#795649", False),
    "grey": ("#757575", False),
    "blue-grey": ("#546d78", False),
    "black": ("#13151a", False),
    "white": ("#ffffff", True),
}
ACCENT: dict[str, str] = {
    "red": "#ff1a47",
    "pink": "#f50056",
    "purple": "#df41fb",
    "deep-purple": "#7c4dff",
    "indigo": "#526cfe",
    "blue": "#4287ff",
    "light-blue": "#0091eb",
    "cyan": "#00bad6",
    "teal": "#00bda4",
    "green": "#00c753",
    "light-green": "#63de17",
    "lime": "#b0eb00",
    "yellow": "#ffd500",
    "amber": "#ffaa00",
    "orange": "#ff9100",
    "deep-orange": "#ff6e42",
}
DEFAULT_PRIMARY = "indigo"
DEFAULT_ACCENT = "indigo"
# Material links in indigo on a white or black header (its palette does the same).
NEUTRAL_LINK = "#4051b5"
RASTER = (".png", ".jpg", ".jpeg", ".gif")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_CUSTOM = "custom"


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(digit * 2 for digit in value)
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _hex(red: float, green: float, blue: float) -> str:
    parts = (round(max(0.0, min(1.0, part)) * 255) for part in (red, green, blue))
    return "#" + "".join(f"{part:02x}" for part in parts)


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour (`#rrggbb`)."""

    def linear(part: float) -> float:
        return part / 12.92 if part <= 0.04045 else ((part + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(part) for part in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _towards(colour: str, against: str, minimum: float, *, darker: bool) -> str:
    """The colour made darker (or lighter) in small steps of lightness, keeping hue and
    saturation, until it has `minimum` contrast against `against`."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    result = _hex(*_rgb(colour))
    while contrast(result, against) < minimum and 0.0 < lightness < 1.0:
        lightness = max(0.0, lightness - 0.01) if darker else min(1.0, lightness + 0.01)
        result = _hex(*colorsys.hls_to_rgb(hue, lightness, saturation))
    return result


def readable_on_white(colour: str, minimum: float = TEXT_CONTRAST) -> str:
    """The colour, or a darker shade of it, with text contrast against white."""
    return _towards(colour, WHITE, minimum, darker=True)


def readable_on(colour: str, background: str, minimum: float = TEXT_CONTRAST) -> str:
    """The colour, or a lighter shade of it, with text contrast on a dark background."""
    return _towards(colour, background, minimum, darker=False)


@dataclass(frozen=True)
class Look:
    """The colours every part uses, all checked; `logo` is Material's `theme.logo`."""

    primary: str = PRIMARY[DEFAULT_PRIMARY][0]
    """The header's background."""
    primary_text: str = WHITE
    """Text on the header: white, or dark on the light colours where Material writes it so."""
    link: str = PRIMARY[DEFAULT_PRIMARY][0]
    """Links, headings and buttons on white (white text on it too): at least 4.5:1."""
    accent: str = readable_on_white(ACCENT[DEFAULT_ACCENT])
    """Links under the pointer: at least 4.5:1 on white."""
    logo: str | None = None
    """The logo's path in the site (`assets/images/logo.svg`), or None for Material's icon."""
    email_logo: str | None = None
    """The logo for emails: an image mail programs show (PNG, JPEG or GIF; no SVG), or None.
    For an SVG logo, a PNG of the same name beside it (netwerk.plugin looks for one)."""
    custom_primary: bool = False
    """`primary: custom`: the site's own stylesheet sets the colours; we leave them."""
    custom_accent: bool = False

    @property
    def email_link(self) -> str:
        """The link colour for emails: at least 4.5:1 on their grey background too."""
        return _towards(self.link, EMAIL_BACKGROUND, TEXT_CONTRAST, darker=True)

    @property
    def link_dark(self) -> str:
        """The link colour for dark mode in emails: lighter, at least 4.5:1 on the dark card."""
        return readable_on(self.link, EMAIL_DARK_CARD)

    def css(self) -> str:
        """Material's colour variables for the default (light) scheme, checked colours only."""
        lines = []
        if not self.custom_primary:
            lines += [
                f"  --md-primary-fg-color: {self.primary};",
                f"  --md-primary-fg-color--light: {self.primary};",
                f"  --md-primary-fg-color--dark: {self.primary};",
                f"  --md-primary-bg-color: {self.primary_text};",
                f"  --md-typeset-a-color: {self.link};",
            ]
        if not self.custom_accent:
            lines += [
                f"  --md-accent-fg-color: {self.accent};",
                f"  --md-accent-fg-color--transparent: {self.accent}1a;",
            ]
        if not lines:
            return ""
        return (
            "/* The network's colours from mkdocs.yml (theme.palette), checked for contrast. */\n"
            ":root,\n[data-md-color-scheme=default][data-md-color-primary] {\n"
            + "\n".join(lines)
            + "\n}\n"
        )


def look_from(theme: Mapping[str, Any] | None) -> Look:
    """The look from Material's theme settings; a SettingsError (Dutch) for a colour it does
    not know. Material takes a list of palettes (light and dark): the first one counts."""
    theme = theme or {}
    palette: Any = theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette and isinstance(palette[0], Mapping) else {}
    if not isinstance(palette, Mapping):
        palette = {}
    problems: list[str] = []
    primary_name = _colour(palette.get("primary"), DEFAULT_PRIMARY, "primary", PRIMARY, problems)
    accent_name = _colour(palette.get("accent"), DEFAULT_ACCENT, "accent", ACCENT, problems)
    if problems:
        raise SettingsError(problems)
    logo = str(theme.get("logo") or "") or None
    look = Look(logo=logo)

    custom_primary = primary_name == _CUSTOM
    if custom_primary:
        primary, dark_text = PRIMARY[DEFAULT_PRIMARY]
    elif primary_name in PRIMARY:
        primary, dark_text = PRIMARY[primary_name]
    else:
        primary, dark_text = _hex(*_rgb(primary_name)), False
    if dark_text and contrast(primary, DARK_TEXT) >= TEXT_CONTRAST:
        header, header_text = primary, DARK_TEXT
    else:
        header, header_text = readable_on_white(primary), WHITE
    neutral = primary_name in ("white", "black")
    link = NEUTRAL_LINK if neutral else readable_on_white(primary)

    if accent_name == _CUSTOM:
        accent = look.accent
    elif accent_name in ACCENT:
        accent = readable_on_white(ACCENT[accent_name])
    else:
        accent = readable_on_white(accent_name)
    return Look(
        primary=header,
        primary_text=header_text,
        link=link,
        accent=accent,
        logo=logo,
        email_logo=logo if logo and logo.lower().endswith(RASTER) else None,
        custom_primary=custom_primary,
        custom_accent=accent_name == _CUSTOM,
    )


def _colour(
    value: object, default: str, name: str, known: Mapping[str, Any], problems: list[str]
) -> str:
    if value is None or value == "":
        return default
    text = str(value).strip().lower().replace(" ", "-")
    if text == _CUSTOM or text in known or _HEX.match(text):
        return text
    problems.append(
        f"theme: palette: {name}: '{value}' is geen kleur van Material for MkDocs; "
        f'{did_you_mean(text, known)} Of schrijf een eigen kleur als "#b3261e" '
        "(tussen aanhalingstekens)"
    )
    return default
