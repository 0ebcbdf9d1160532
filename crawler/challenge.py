"""Recognising bot-challenge and access-denied pages, so they are reported, never stored or circumvented."""

import re

# Markers of challenge and block pages of the common bot-protection services, in the first bytes.
CHALLENGE_RE = re.compile(
    rb"cf-chl|challenge-platform|<title>\s*(?:just a moment|attention required|access denied|"
    rb"are you a robot|pardon our interruption)|g-recaptcha|h-captcha|hcaptcha\.com|px-captcha|"
    rb"captcha-delivery\.com|please enable js and disable any ad blocker|request unsuccessful\. incapsula",
    re.IGNORECASE,
)
SNIFF_BYTES = 20_000


def is_challenge(status: int, body: bytes) -> bool:
    """Whether a response is a bot challenge or an access-denied page rather than content."""
    head = body[:SNIFF_BYTES]
    if CHALLENGE_RE.search(head):
        return True
    return status in (401, 403, 429) and b"<html" in head.lower()
