// GuestPass uploads: a progress bar while the file goes up.
(function () {
	'use strict';

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
				if (window.htmx) {
					htmx.trigger(main, 'htmx:load');
				}
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
})();
