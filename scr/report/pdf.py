"""The report's HTML printed to a tagged PDF (PDF/UA-1) by WeasyPrint, the same bytes each time.

WeasyPrint needs Debian's Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0``) and a font
(``fonts-dejavu-core``): scripts/system-packages installs them. The document's identifier
is made from its content and no creation time is written, so the same report prints to the
same bytes.
"""

from __future__ import annotations

import hashlib

from scr.errors import Conflict


def render(markup: str) -> bytes:
    """``markup`` as a tagged PDF; Conflict where the server lacks Pango."""
    try:
        from weasyprint import HTML  # (imported late: loading Pango takes a moment)
    except OSError:
        raise Conflict(
            "This server cannot make PDFs: it lacks Debian's Pango (scripts/system-packages "
            "installs it). The report can still be made in Word or as HTML."
        ) from None

    identifier = hashlib.sha256(markup.encode()).hexdigest()[:32].encode()
    document = HTML(string=markup).render()
    return document.write_pdf(  # type: ignore[no-any-return]
        pdf_variant="pdf/ua-1", pdf_identifier=identifier, uncompressed_pdf=False
    )
