/**
 * What Tab can reach this moment, in the page's order: a control disabled now (Delete, until the references are
 * counted; Save, once saved) is not. Shared by the modal dialogs' wrap-round and the window's caret keeper.
 */
export const tabReachable =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';
