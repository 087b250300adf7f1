/*
 * The pledge form's running total: as instalment amounts (or the pledged amount) are typed, the total of the
 * schedule and its difference to the pledged amount are shown at once. Amounts are read with the page locale's
 * marks (data-decimal, data-group on #scheduleTotals; spaces also group); the server checks them again on save.
 * A file, not inline script: the Content-Security-Policy allows only 'self' and nonces.
 */
(function () {
    'use strict';

    function box() {
        return document.getElementById('scheduleTotals');
    }

    /** The typed text as a number, or NaN; empty is 0. */
    function parse(text, decimal, group) {
        var t = (text || '').replace(/[\s\u00a0\u202f]/g, '');
        if (t === '') {
            return 0;
        }
        if (group && group !== decimal && !/\s/.test(group)) {
            t = t.split(group).join('');
        }
        if (decimal !== '.') {
            if (t.indexOf('.') >= 0) {
                return NaN;
            }
            t = t.replace(decimal, '.');
        }
        return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
    }

    function cents(n) {
        return Math.round(n * 100);
    }

    function update() {
        var b = box();
        if (!b) {
            return;
        }
        var decimal = b.getAttribute('data-decimal') || '.';
        var group = b.getAttribute('data-group') || ',';
        var format = new Intl.NumberFormat(b.getAttribute('data-locale') || undefined,
            {minimumFractionDigits: 2, maximumFractionDigits: 4});
        var totalCents = 0;
        var invalid = null;
        var inputs = document.querySelectorAll('input[id$=":instalmentAmount"]');
        for (var i = 0; i < inputs.length; i++) {
            var v = parse(inputs[i].value, decimal, group);
            if (isNaN(v)) {
                invalid = inputs[i].value;
            } else {
                totalCents += cents(v);
            }
        }
        var pledgedInput = document.getElementById('pledge:amount');
        var pledged = pledgedInput ? parse(pledgedInput.value, decimal, group) : NaN;
        var total = document.getElementById('scheduleTotal');
        var difference = document.getElementById('scheduleDifference');
        total.textContent = format.format(totalCents / 100);
        var text = '';
        if (invalid !== null) {
            text = b.getAttribute('data-invalid').replace('{0}', invalid);
        } else if (!isNaN(pledged) && pledgedInput.value.trim() !== '') {
            var left = cents(pledged) - totalCents;
            if (left === 0) {
                text = b.getAttribute('data-matches');
            } else if (left > 0) {
                text = b.getAttribute('data-left').replace('{0}', format.format(left / 100));
            } else {
                text = b.getAttribute('data-over').replace('{0}', format.format(-left / 100));
            }
        }
        difference.textContent = text;
        difference.className = 'tf-schedule-difference' + (text && text !== b.getAttribute('data-matches') ? ' tf-bad' : '');
    }

    document.addEventListener('input', function (e) {
        var id = e.target && e.target.id || '';
        if (id === 'pledge:amount' || /:instalmentAmount$/.test(id)) {
            update();
        }
    });
    document.addEventListener('DOMContentLoaded', function () {
        update();
        // After an ajax update of the form (PrimeFaces' jQuery event), the rows may be new.
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', update);
        }
    });
}());
