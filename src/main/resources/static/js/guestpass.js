// GuestPass: small enhancements on top of pages that already work without JavaScript.
// The menu button opens its menu with the keys of the WAI-ARIA pattern, a menu entry's page opens
// as a dialog, links are copied to the clipboard, deletions are confirmed in a dialog, forms say
// what is wrong next to the field, and uploads show their progress. No inline scripts: the Content-Security-Policy forbids them.
(function () {
	'use strict';

	// ---- Dialogs: remember who opened them, give focus back when they close ----

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

	// ---- The "More actions" menu: a menu button (WAI-ARIA Authoring Practices) ----
	// The page shows the entries as a plain list of links; here the button appears, the list
	// becomes its pop-up menu, and the keys work as they do in a desktop menu.

	function menuButton(menu) {
		return menu.querySelector('.menu-button');
	}

	function menuList(menu) {
		return menu.querySelector('.menu-list');
	}

	function menuItems(menu) {
		return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]'));
	}

	function isOpen(menu) {
		return !menuList(menu).hidden;
	}

	function openMenu(menu, focusLast) {
		menuList(menu).hidden = false;
		menuButton(menu).setAttribute('aria-expanded', 'true');
		var items = menuItems(menu);
		if (items.length) {
			items[focusLast ? items.length - 1 : 0].focus();
		}
	}

	function closeMenu(menu, returnFocus) {
		menuList(menu).hidden = true;
		menuButton(menu).setAttribute('aria-expanded', 'false');
		if (returnFocus) {
			menuButton(menu).focus();
		}
	}

	function enhanceMenu(menu) {
		if (menu.dataset.enhanced) {
			return;
		}
		var button = menuButton(menu);
		var list = menuList(menu);
		if (!button || !list) {
			return;
		}
		menu.dataset.enhanced = 'true';
		list.setAttribute('role', 'menu');
		list.removeAttribute('aria-label');
		list.setAttribute('aria-labelledby', button.id);
		Array.prototype.forEach.call(list.children, function (li) {
			li.setAttribute('role', 'none');
		});
		Array.prototype.forEach.call(list.querySelectorAll('.menu-item'), function (item) {
			item.setAttribute('role', 'menuitem');
			item.setAttribute('tabindex', '-1');
		});
		list.hidden = true;
		button.hidden = false;
		// Enter and Space click a button by themselves.
		button.addEventListener('click', function () {
			if (isOpen(menu)) {
				closeMenu(menu, false);
			}
			else {
				openMenu(menu, false);
			}
		});
		button.addEventListener('keydown', function (event) {
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				openMenu(menu, event.key === 'ArrowUp');
			}
		});
		list.addEventListener('keydown', function (event) {
			var items = menuItems(menu);
			var index = items.indexOf(document.activeElement);
			if (event.key === 'Escape') {
				event.preventDefault();
				closeMenu(menu, true);
			}
			else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				var step = event.key === 'ArrowDown' ? 1 : -1;
				items[(index + step + items.length) % items.length].focus();
			}
			else if (event.key === 'Home') {
				event.preventDefault();
				items[0].focus();
			}
			else if (event.key === 'End') {
				event.preventDefault();
				items[items.length - 1].focus();
			}
			else if (event.key === ' ' && index >= 0) {
				event.preventDefault();
				items[index].click();
			}
			else if (event.key === 'Tab') {
				closeMenu(menu, false);
			}
		});
	}

	document.addEventListener('click', function (event) {
		document.querySelectorAll('[data-menu][data-enhanced]').forEach(function (menu) {
			if (isOpen(menu) && !menu.contains(event.target)) {
				closeMenu(menu, false);
			}
		});
	});

	// ---- Clicks: panels and dialogs, copying, confirming deletion ----

	document.addEventListener('click', function (event) {
		var target = event.target instanceof Element ? event.target : null;
		if (!target) {
			return;
		}

		var panelLink = target.closest('[data-opens-panel]');
		if (panelLink && window.htmx) {
			event.preventDefault();
			var menu = panelLink.closest('[data-menu][data-enhanced]');
			var opener = menu ? menuButton(menu) : panelLink;
			if (menu) {
				closeMenu(menu, false);
			}
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

		var copy = target.closest('.copy-link');
		if (copy) {
			event.preventDefault();
			copyLink(copy);
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

	function copyLink(button) {
		var url = button.dataset.copy;
		var done = function () {
			button.classList.add('is-copied');
			button.setAttribute('data-tooltip', 'Copied');
			var status = button.closest('section, main').querySelector('.copied');
			if (status) {
				status.textContent = 'Link copied';
			}
			window.setTimeout(function () {
				button.classList.remove('is-copied');
				button.removeAttribute('data-tooltip');
			}, 2500);
		};
		if (navigator.clipboard && window.isSecureContext) {
			navigator.clipboard.writeText(url).then(done, function () {
				copyBySelection(button, url) && done();
			});
		}
		else if (copyBySelection(button, url)) {
			done();
		}
	}

	// Where the Clipboard API is unavailable (plain HTTP), copy what a hidden field holds.
	function copyBySelection(button, url) {
		var field = document.createElement('textarea');
		field.value = url;
		field.setAttribute('readonly', '');
		field.className = 'visually-hidden';
		button.parentNode.appendChild(field);
		field.select();
		var copied = false;
		try {
			copied = document.execCommand('copy');
		}
		catch (ignored) {
			copied = false;
		}
		field.remove();
		button.focus();
		return copied;
	}

	// ---- Lengths: count characters as the server does (code points), not UTF-16 units ----
	// maxlength would count an emoji as two and stop a person halfway through a name the server
	// accepts, so text fields carry data-max-characters and their message instead.

	function characters(input) {
		var value = input.value;
		if (input.hasAttribute('data-nfkc') && value.normalize) {
			value = value.normalize('NFKC');
		}
		return Array.from(value.trim()).length;
	}

	function checkLength(input) {
		var tooLong = characters(input) > Number(input.getAttribute('data-max-characters'));
		input.setCustomValidity(tooLong ? (input.getAttribute('data-too-long') || 'This is too long.') : '');
	}

	document.addEventListener('input', function (event) {
		if (event.target.matches && event.target.matches('[data-max-characters]')) {
			checkLength(event.target);
		}
	});

	// ---- Forms: say what is wrong next to the field, before anything is sent ----

	function fieldError(input) {
		var ids = (input.getAttribute('aria-describedby') || '').split(/\s+/);
		for (var i = 0; i < ids.length; i++) {
			var element = ids[i] && document.getElementById(ids[i]);
			if (element && element.classList.contains('field-error')) {
				return element;
			}
		}
		return null;
	}

	function checkField(input) {
		if (input.hasAttribute('data-max-characters')) {
			checkLength(input);
		}
		var value = input.value.trim();
		var invalid = !input.checkValidity() || (input.required && value === '');
		var error = fieldError(input);
		input.setAttribute('aria-invalid', String(invalid));
		if (error) {
			error.textContent = invalid ? (input.dataset.message || input.validationMessage) : '';
		}
		return !invalid;
	}

	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.matches('form[data-validate]')) {
			return;
		}
		var inputs = form.querySelectorAll('input[data-message]');
		var firstInvalid = null;
		inputs.forEach(function (input) {
			if (!checkField(input) && !firstInvalid) {
				firstInvalid = input;
			}
		});
		if (firstInvalid) {
			event.preventDefault();
			event.stopImmediatePropagation();
			firstInvalid.focus();
		}
	}, true);

	// ---- Uploads: a progress bar while the file goes up ----

	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.matches('form[data-upload]') || !window.FormData || event.defaultPrevented) {
			return;
		}
		event.preventDefault();
		var progress = form.querySelector('progress');
		var status = form.querySelector('.upload-status');
		var button = form.querySelector('button[type=submit]');
		var request = new XMLHttpRequest();
		request.open('POST', form.action);
		request.upload.addEventListener('progress', function (progressEvent) {
			if (progressEvent.lengthComputable) {
				var percent = Math.round(progressEvent.loaded / progressEvent.total * 100);
				progress.value = percent;
				status.textContent = 'Uploading… ' + percent + '%';
			}
		});
		request.addEventListener('load', function () {
			if (request.status < 400) {
				window.location.assign(request.responseURL);
				return;
			}
			var page = new DOMParser().parseFromString(request.responseText, 'text/html');
			var main = page.querySelector('main');
			if (main) {
				document.querySelector('main').replaceWith(main);
				init(document);
			}
		});
		request.addEventListener('error', function () {
			status.textContent = 'The upload failed. Check your connection and try again.';
			button.disabled = false;
		});
		progress.hidden = false;
		progress.value = 0;
		button.disabled = true;
		status.textContent = 'Uploading… 0%';
		request.send(new FormData(form));
	});

	// ---- After htmx swaps part of a page ----

	var lastFocusedId = null;

	document.addEventListener('htmx:beforeSwap', function () {
		lastFocusedId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
		var open = document.querySelector('[data-panel] dialog[open]');
		if (open) {
			open.close();
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		init(event.target);
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

	// ---- Players: playback speed, live streams through hls.js, times in the reader's own zone ----

	var READABLE_TIME = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
		minute: '2-digit', timeZoneName: 'short' };

	function pad(number) {
		return (number < 10 ? '0' : '') + number;
	}

	function initMedia() {
		document.querySelectorAll('[data-speed]').forEach(function (options) {
			var video = options.previousElementSibling && options.previousElementSibling.querySelector('video');
			var select = options.querySelector('select');
			if (!video || !select) {
				return;
			}
			options.hidden = false;
			select.addEventListener('change', function () {
				video.playbackRate = parseFloat(select.value);
			});
			video.addEventListener('ratechange', function () {
				select.value = String(video.playbackRate);
			});
		});
		document.querySelectorAll('video[data-live-stream]').forEach(function (video) {
			var url = video.getAttribute('data-stream');
			if (window.Hls && window.Hls.isSupported()) {
				// No worker: the policy allows no blob: scripts, and a live stream needs none.
				var hls = new window.Hls({ enableWorker: false });
				hls.on(window.Hls.Events.ERROR, function (event, data) {
					if (data.fatal) {
						video.setAttribute('data-stream-error', data.type);
					}
				});
				hls.loadSource(url);
				hls.attachMedia(video);
			}
			else if (video.canPlayType('application/vnd.apple.mpegurl')) {
				video.src = url;
			}
		});
		document.querySelectorAll('time[data-local-time]').forEach(function (time) {
			var date = new Date(time.getAttribute('datetime'));
			if (!isNaN(date.getTime())) {
				time.textContent = new Intl.DateTimeFormat('en-GB', READABLE_TIME).format(date);
			}
		});
		document.querySelectorAll('[data-reload-at]').forEach(function (element) {
			var wait = Date.parse(element.getAttribute('data-reload-at')) - Date.now();
			if (wait > 0 && wait < 24 * 60 * 60 * 1000) {
				window.setTimeout(function () {
					window.location.reload();
				}, wait + 1000);
			}
		});
		// Times typed into forms are read in the browser's zone, and shown in it.
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		document.querySelectorAll('input[data-time-zone]').forEach(function (input) {
			if (zone) {
				input.value = zone;
			}
		});
		document.querySelectorAll('[data-time-zone-name]').forEach(function (element) {
			if (zone) {
				element.textContent = zone;
			}
		});
		document.querySelectorAll('input[data-instant]').forEach(function (input) {
			var date = new Date(input.getAttribute('data-instant'));
			if (zone && !isNaN(date.getTime())) {
				input.value = date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
					+ pad(date.getHours()) + ':' + pad(date.getMinutes());
			}
		});
		document.querySelectorAll('select[data-shows-when]').forEach(function (select) {
			var target = document.getElementById(select.getAttribute('aria-controls'));
			var show = function () {
				if (target) {
					target.hidden = select.value !== select.getAttribute('data-shows-when');
				}
			};
			select.addEventListener('change', show);
			show();
		});
	}

	// Deferred scripts (hls.js among them) have all run by DOMContentLoaded.
	if (document.readyState === 'complete') {
		initMedia();
	}
	else {
		document.addEventListener('DOMContentLoaded', initMedia);
	}

	function init(root) {
		(root.querySelectorAll ? root : document).querySelectorAll('[data-menu]').forEach(enhanceMenu);
		(root.querySelectorAll ? root : document).querySelectorAll('form[data-validate]').forEach(function (form) {
			form.setAttribute('novalidate', '');
		});
		(root.querySelectorAll ? root : document).querySelectorAll('[data-max-characters]').forEach(checkLength);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', function () {
			init(document);
		});
	}
	else {
		init(document);
	}
})();
