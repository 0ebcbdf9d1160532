"""How well a printed title fits the dated roles of a person: the test by which a surname finds its person."""

from datetime import date

from storage.normalize import name_key, title_words

RoleRow = tuple[str | None, str | None, str | None, date | None, date | None]


def _words(text: str | None) -> set[str]:
    return set(name_key(text or "").split())


def role_fits(roles: list[RoleRow], title: str | None, organization: str | None, said_on: date | None) -> bool:
    """Whether the printed title or organization fits one of these roles held on that day."""
    return fit_level(roles, title, organization, said_on) > 0


def fit_level(roles: list[RoleRow], title: str | None, organization: str | None, said_on: date | None) -> int:
    """How well the printed title or organization fits these roles on that day: 2 when a role's title is
    the printed one ("Sen." and "Senator"), 1 when it only shares a word ("Sen." and "State Senator"),
    0 when no role held that day fits."""
    want_title, want_org = title_words(title), _words(organization)
    best = 0
    for role_title, role_org, jurisdiction, start, end in roles:
        if said_on and ((start and said_on < start) or (end and said_on >= end)):
            continue
        have = title_words(role_title)
        title_fits = bool(want_title) and bool(want_title & have)
        place = _words(role_org) | _words(jurisdiction)
        org_fits = bool(want_org) and want_org <= place
        if (title_fits and (org_fits or not want_org)) or (org_fits and not want_title):
            best = max(best, 2 if want_title == have or not want_title else 1)
    return best
