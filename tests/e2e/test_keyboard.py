"""Every main flow with the keyboard alone: after typing the address, the skip link, Tab and
Shift+Tab to reach a control, then typing, Space, Enter and the arrow keys. Every control
reached shows where the focus is."""

from urllib.parse import urlsplit

import pytest

from tests.e2e import flows
from tests.e2e.conftest import checked, force_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PRESSES = 60

FOCUS_SHOWN = """element => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return element.matches(":focus-visible") && (outline || style.boxShadow !== "none");
}"""

# Where the target lies from the focused element: Tab goes forwards, Shift+Tab backwards.
BEFORE_FOCUS = """element => Boolean(document.activeElement.compareDocumentPosition(element)
    & Node.DOCUMENT_POSITION_PRECEDING)"""


class Keyboard:
    def __init__(self, page, live_server):
        self.page = page
        self.live_server = live_server

    def focused(self, locator):
        return locator.evaluate("element => element === document.activeElement")

    def tab_to(self, locator, *, until=None):
        """Tab (Shift+Tab when the control lies behind) until the control has the focus."""
        until = until or self.focused
        key = "Shift+Tab" if locator.evaluate(BEFORE_FOCUS) else "Tab"
        for _ in range(MAX_PRESSES):
            if until(locator):
                break
            self.page.keyboard.press(key)
        else:
            pytest.fail(f"{MAX_PRESSES} × {key} never reached {locator}")
        assert self.page.evaluate(f"({FOCUS_SHOWN})(document.activeElement)"), (
            f"no visible focus on {locator}"
        )

    def arrive(self):
        """A new page. Opened by its address, the first Tab reaches the skip link and Enter
        moves the focus into main. A form sent from a page where the skip link was used
        keeps its #main through the redirect: the browser opens the next page at main, where
        the next Tab starts."""
        checked(self.page)
        if urlsplit(self.page.url).fragment == "main":
            assert self.page.evaluate("document.querySelector(':target').id") == "main"
            return
        self.page.keyboard.press("Tab")
        skip = self.page.get_by_role("link", name="Pāriet uz saturu")
        assert self.focused(skip), self.page.url
        assert skip.evaluate(FOCUS_SHOWN) and skip.is_visible()
        assert skip.bounding_box()["y"] >= 0  # moved into view when focused
        self.page.keyboard.press("Enter")
        assert self.page.evaluate("document.activeElement.id") == "main"

    def sign_in(self, login, second_factor=False):
        force_sign_in(self.page, self.live_server, login)  # signing in is not the flow here

    def fill(self, locator, text, then=None):
        self.tab_to(locator)
        if hasattr(text, "isoformat"):  # a date field: its day, month and year
            self.page.keyboard.type(text.strftime("%d%m%Y"))
            assert locator.input_value() == text.isoformat()
        else:
            self.page.keyboard.type(text)
            assert locator.input_value() == text
        if then:
            self.page.keyboard.press(then)

    def choose(self, radio):
        """Tab reaches the group; the arrow keys move to (and check) the wanted button."""
        name = radio.get_attribute("name")
        self.tab_to(radio, until=lambda _: self.page.evaluate(
            f"document.activeElement.name === {name!r}"
        ))  # fmt: skip
        for _ in range(10):
            if radio.is_checked():
                break
            if self.focused(radio):
                self.page.keyboard.press("Space")
            else:
                self.page.keyboard.press("ArrowDown")
        assert radio.is_checked() and self.focused(radio)

    def tick(self, checkbox):
        self.tab_to(checkbox)
        self.page.keyboard.press("Space")
        assert checkbox.is_checked()

    def select(self, select, text):
        """A closed list: the arrow keys step through its options."""
        self.tab_to(select)
        index = select.evaluate(
            "(select, text) => [...select.options].findIndex(option => option.text === text)",
            text,
        )
        assert index >= 0, f"no option {text!r}"
        current = select.evaluate("select => select.selectedIndex")
        for _ in range(abs(index - current)):
            self.page.keyboard.press("ArrowDown" if index > current else "ArrowUp")
        assert select.evaluate("select => select.selectedOptions[0].text") == text

    def upload(self, locator, *files):
        """Space opens the file chooser (the system's dialog, where the files are picked)."""
        self.tab_to(locator)
        with self.page.expect_file_chooser() as chooser:
            self.page.keyboard.press("Space")
        chooser.value.set_files(list(files))

    def press(self, locator):
        self.tab_to(locator)
        self.page.keyboard.press("Enter")


@pytest.mark.parametrize("flow", flows.FLOWS, ids=lambda flow: flow.__name__)
def test_the_flow_with_the_keyboard_alone(page, live_server, flow):
    flow(page, Keyboard(page, live_server))
