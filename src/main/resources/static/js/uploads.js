// GuestPass uploads: the upload form is posted by htmx (its hx-* attributes, multipart as its
// enctype says) with a progress bar while the file goes up. The page that answers replaces main:
// the new item's page, whose address goes into the history, or the form again with what was refused.
(function () {
	'use strict';

	// The form that sent the request: htmx names it in requestConfig once the answer has replaced
	// main (an event's elt is the element it fires on).
	function uploadForm(event) {
		var detail = event.detail || {};
		var form = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
		return form && form.matches && form.matches('form[data-upload]') ? form : null;
	}

	function say(form, text) {
		var status = form.querySelector('.upload-status');
		if (status) {
			status.textContent = text;
		}
	}

	document.addEventListener('htmx:beforeSend', function (event) {
		var form = uploadForm(event);
		if (form) {
			var progress = form.querySelector('progress');
			progress.hidden = false;
			progress.value = 0;
			say(form, 'Uploading… 0%');
		}
	});

	// htmx reports the upload's progress and then the answer's: the bar only goes forward.
	document.addEventListener('htmx:xhr:progress', function (event) {
		var form = uploadForm(event);
		if (form && event.detail.lengthComputable && event.detail.total > 0) {
			var progress = form.querySelector('progress');
			var percent = Math.max(progress.value, Math.round(event.detail.loaded / event.detail.total * 100));
			progress.value = percent;
			say(form, 'Uploading… ' + percent + '%');
		}
	});

	document.addEventListener('htmx:beforeOnLoad', function (event) {
		var form = uploadForm(event);
		if (form) {
			// The server answers a stored video with a redirect to its page: that address, and only
			// that one, goes into the history.
			var redirected = event.detail.pathInfo.responsePath !== event.detail.pathInfo.finalRequestPath;
			form.setAttribute('hx-push-url', redirected ? 'true' : 'false');
		}
	});

	// Focus moves to what the new main says first: the refusal, or the new page's heading.
	document.addEventListener('htmx:afterSettle', function (event) {
		if (!uploadForm(event)) {
			return;
		}
		var main = document.querySelector('main');
		var first = main && (main.querySelector('[aria-invalid="true"]') || main.querySelector('[role="alert"]')
				|| main.querySelector('h1'));
		if (first) {
			if (!first.matches('input, select, textarea')) {
				first.setAttribute('tabindex', '-1');
			}
			first.focus();
		}
	});

	document.addEventListener('htmx:sendError', function (event) {
		var form = uploadForm(event);
		if (form) {
			say(form, 'The upload failed. Check your connection and try again.');
		}
	});
})();
