// Chromium keeps what is typed into a page's text fields in its session
// files (to restore tabs), in plaintext in the browser profile, unless a field
// says autocomplete="off". Every text field of Sherpa holds brief text, so
// each one says so the moment it appears, wherever a view puts it.

const fields = 'input:not([type=password]):not([autocomplete=off]), textarea:not([autocomplete=off])';

function mark(root: ParentNode): void {
  for (const field of root.querySelectorAll(fields)) field.setAttribute('autocomplete', 'off');
}

export function keepTypedTextOutOfTheProfile(root: HTMLElement): void {
  mark(root);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.matches(fields)) node.setAttribute('autocomplete', 'off');
        mark(node);
      }
    }
  }).observe(root, { childList: true, subtree: true });
}
