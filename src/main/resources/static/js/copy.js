// GuestPass copying: a link's copy button puts its address on the clipboard and says so.
(function () {
	'use strict';

	document.addEventListener('click', function (event) {
		var copy = event.target instanceof Element ? event.target.closest('.copy-link') : null;
		if (copy) {
			event.preventDefault();
			copyLink(copy);
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
})();
