// GuestPass dialogs: a dialog remembers who opened it and gives focus back when it closes; a menu
// entry's page opens in a dialog (its [data-panel] section comes over by htmx); a deletion is
// confirmed in a dialog; after htmx swaps part of a page, focus stays where the person was.
// Pages change in one way: htmx swaps the part that changed (see uploads.js and players.js too).
(function () {
	'use strict';

	var openers = new WeakMap();

	function openDialog(dialog, opener) {
		if (!dialog) {
			return;
		}
		if (dialog.open) {
			dialog.close();
		}
		openers.set(dialog, opener || document.activeElement);
		dialog.showModal();
		var first = dialog.querySelector('[aria-invalid="true"], input:not([type=hidden]), button:not([disabled]), a[href]');
		if (first) {
			first.focus();
		}
	}

	document.addEventListener('close', function (event) {
		var dialog = event.target;
		if (!(dialog instanceof HTMLDialogElement)) {
			return;
		}
		var opener = openers.get(dialog);
		if (opener && document.contains(opener)) {
			// After the browser's own focus restoration, which may aim at a menu item now hidden.
			window.setTimeout(function () {
				opener.focus();
			}, 0);
		}
	}, true);

	// The enhanced menu's button, when the link sits in one: focus goes back there, as the
	// entry itself is hidden once the menu closes.
	function openerOf(link) {
		var menu = link.closest('[data-menu][data-enhanced]');
		return (menu && menu.querySelector('.menu-button')) || link;
	}

	document.addEventListener('click', function (event) {
		var target = event.target instanceof Element ? event.target : null;
		if (!target) {
			return;
		}

		var panelLink = target.closest('[data-opens-panel]');
		if (panelLink && window.htmx) {
			event.preventDefault();
			var opener = openerOf(panelLink);
			// Any page a menu entry leads to can open here: its [data-panel] section comes over,
			// and the dialog takes that section's name.
			var dialog = document.getElementById('panel-dialog');
			htmx.ajax('GET', panelLink.getAttribute('href'), {
				target: dialog.querySelector('.panel-slot'), select: '[data-panel]', swap: 'innerHTML'
			}).then(function () {
				var panel = dialog.querySelector('[data-panel]');
				if (panel && panel.getAttribute('aria-labelledby')) {
					dialog.setAttribute('aria-labelledby', panel.getAttribute('aria-labelledby'));
				}
				openDialog(dialog, opener);
			});
			return;
		}

		var dialogLink = target.closest('[data-opens-dialog]');
		if (dialogLink) {
			event.preventDefault();
			openDialog(document.getElementById(dialogLink.dataset.opensDialog), dialogLink);
			return;
		}

		var closer = target.closest('[data-closes-dialog]');
		if (closer && closer.closest('dialog')) {
			event.preventDefault();
			closer.closest('dialog').close();
			return;
		}

		var remove = target.closest('[data-confirm-delete]');
		if (remove && window.htmx) {
			event.preventDefault();
			var confirmDialog = document.getElementById('delete-link-dialog');
			var form = confirmDialog.querySelector('form');
			confirmDialog.querySelector('.delete-link-name').textContent = remove.dataset.linkName;
			form.setAttribute('action', remove.dataset.confirmDelete);
			form.setAttribute('hx-post', remove.dataset.confirmDelete);
			htmx.process(form);
			openDialog(confirmDialog, remove);
		}
	});

	// ---- After htmx swaps part of a page ----

	// When htmx replaces main (an upload, a live session's start or end), the answer's main is shown
	// whatever its status, as a page load would show it: a refusal, a message page, sign in again.
	document.addEventListener('htmx:beforeSwap', function (event) {
		var target = event.detail.target;
		if (target && target.matches && target.matches('main') && event.detail.xhr.status >= 400
				&& /<main[\s>]/.test(event.detail.xhr.responseText)) {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});

	var lastFocusedId = null;

	document.addEventListener('htmx:beforeSwap', function () {
		lastFocusedId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
		var open = document.querySelector('[data-panel] dialog[open]');
		if (open) {
			open.close();
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		var reopen = document.querySelector('[data-panel] dialog[open]');
		if (reopen) {
			reopen.close();
			openDialog(reopen, document.querySelector('[data-opens-dialog="' + reopen.id + '"]'));
		}
		else if (lastFocusedId && document.getElementById(lastFocusedId)) {
			document.getElementById(lastFocusedId).focus();
		}
		else {
			var panel = (event.target.closest && event.target.closest('[data-panel]'))
				|| (event.target.querySelector && event.target.querySelector('[data-panel]'))
				|| document.querySelector('[data-panel]');
			var title = panel && document.getElementById(panel.getAttribute('aria-labelledby'));
			if (title) {
				title.setAttribute('tabindex', '-1');
				title.focus();
			}
		}
	});
})();
