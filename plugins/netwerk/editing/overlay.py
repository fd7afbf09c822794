"""What the preview adds to what it serves: a script that reloads the page once a newer
generation of the site is ready (it asks RELOAD, which answers then), and the page that lists
the problems while there are any. Only the preview adds these; a build never writes them."""

from __future__ import annotations

from html import escape

RELOAD = "/__voorbeeld__/wacht"


def reload_script(generation: int) -> str:
    return (
        "<script>/* netwerk voorbeeld */(function(){"
        f"var n={generation};function w(){{fetch('{RELOAD}?na='+n)"
        ".then(function(r){return r.text()})"
        ".then(function(t){if(t!==String(n)){location.reload()}else{w()}})"
        ".catch(function(){setTimeout(w,1000)})}w()})()</script>"
    )


def with_reload(html: bytes, generation: int) -> bytes:
    """The page with the reload script just before `</body>` (or at its end)."""
    script = reload_script(generation).encode()
    at = html.rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def problems_page(problems: list[str], generation: int) -> str:
    count = len([line for line in problems if not line.endswith(":")])
    heading = "Er is een probleem" if count <= 1 else f"Er zijn {count} problemen"
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in problems)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading} – voorbeeld van de site</title>
<link rel="icon" href="data:,">
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ color: #a30000; font-size: 1.5rem; }}
li {{ margin: 0.4rem 0; }}
code {{ white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.95rem; }}
</style>
</head>
<body>
<main>
<h1>{heading}</h1>
<p>De site kan niet gebouwd worden zolang dit niet is opgelost. Elke regel noemt het bestand,
de regel, het veld en wat er moet gebeuren:</p>
<ul>
{items}
</ul>
<p>Sla het bestand op nadat je het hebt verbeterd: deze pagina ververst zichzelf.</p>
</main>
{reload_script(generation)}
</body>
</html>
"""
