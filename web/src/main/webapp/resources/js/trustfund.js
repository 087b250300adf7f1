/*
 * Buttons act once per click (issue 9). PrimeFaces disables an AJAX button while its request runs; this does the
 * same for buttons that submit the whole page, in forms that carry a one-time token (<tf:once/>): the server
 * guards those too (FormIntents), this only spares the user a second request. And when the browser shows a page
 * again from its back-forward cache, buttons left disabled and spinning by the request that left the page are
 * usable again: the server decides whether the same submission already happened.
 */
(function () {
    'use strict';

    document.addEventListener('submit', function (event) {
        var form = event.target;
        var button = event.submitter;
        if (event.defaultPrevented || !button || !form.querySelector('input[name="tf-once"]')) {
            return;
        }
        // After the browser has taken the form's data (a disabled button would not be sent, and the server
        // would not know which was clicked).
        window.setTimeout(function () {
            button.disabled = true;
            button.setAttribute('aria-disabled', 'true');
            button.classList.add('ui-state-disabled', 'tf-busy');
            // A download keeps the page: give the button back after a while.
            window.setTimeout(function () { release(button); }, 8000);
        }, 0);
    }, true);

    function release(button) {
        if (button.classList.contains('tf-busy')) {
            button.disabled = false;
            button.removeAttribute('aria-disabled');
            button.classList.remove('ui-state-disabled', 'tf-busy');
        }
    }

    window.addEventListener('pageshow', function (event) {
        if (!event.persisted) {
            return;
        }
        document.querySelectorAll('.tf-busy').forEach(release);
        if (window.PrimeFaces && PrimeFaces.widgets) {
            Object.keys(PrimeFaces.widgets).forEach(function (name) {
                var widget = PrimeFaces.widgets[name];
                if (widget && widget.jq && widget.jq.hasClass('ui-state-loading')) {
                    widget.ajaxCount = 0;
                    if (typeof widget.endAjaxDisabled === 'function') {
                        widget.endAjaxDisabled(widget);
                    } else {
                        PrimeFaces.utils.buttonEndAjaxDisabled(widget, widget.jq);
                    }
                }
            });
        }
    });
}());
