/*
 * Keeps a list's filters and sort in the address bar: after each filter or sort the server answers with the
 * list's query (ListParameters.show), written here without reloading, so the list can be bookmarked, shared
 * and found again with Back. A file, not inline script: the Content-Security-Policy allows only 'self' and nonces.
 */
var TF = window.TF || {};
window.TF = TF;
TF.showQuery = function (args) {
    if (args && typeof args.listQuery === 'string' && window.history && window.history.replaceState) {
        window.history.replaceState(window.history.state, '', window.location.pathname + args.listQuery);
    }
};
