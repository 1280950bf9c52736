// GuestPass players: playback speed, live streams through hls.js, times in the reader's own zone,
// and a page that shows a live session's start or end when its time comes.
(function () {
	'use strict';

	var READABLE_TIME = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
		minute: '2-digit', timeZoneName: 'short' };

	function pad(number) {
		return (number < 10 ? '0' : '') + number;
	}

	// The live players on the page, so that a stream stops loading once htmx has swapped its video out.
	var streams = [];

	function initMedia(root) {
		root.querySelectorAll('[data-speed]').forEach(function (options) {
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
		root.querySelectorAll('video[data-live-stream]').forEach(function (video) {
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
				streams.push({ video: video, hls: hls });
			}
			else if (video.canPlayType('application/vnd.apple.mpegurl')) {
				video.src = url;
			}
		});
		root.querySelectorAll('time[data-local-time]').forEach(function (time) {
			var date = new Date(time.getAttribute('datetime'));
			if (!isNaN(date.getTime())) {
				time.textContent = new Intl.DateTimeFormat('en-GB', READABLE_TIME).format(date);
			}
		});
		root.querySelectorAll('[data-reload-at]').forEach(function (element) {
			var wait = Date.parse(element.getAttribute('data-reload-at')) - Date.now();
			if (wait > 0 && wait < 24 * 60 * 60 * 1000) {
				window.setTimeout(function () {
					refresh(element);
				}, wait + 1000);
			}
		});
		// Times typed into forms are read in the browser's zone, and shown in it.
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		root.querySelectorAll('input[data-time-zone]').forEach(function (input) {
			if (zone) {
				input.value = zone;
			}
		});
		root.querySelectorAll('[data-time-zone-name]').forEach(function (element) {
			if (zone) {
				element.textContent = zone;
			}
		});
		root.querySelectorAll('input[data-instant]').forEach(function (input) {
			var date = new Date(input.getAttribute('data-instant'));
			if (zone && !isNaN(date.getTime())) {
				input.value = date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
					+ pad(date.getHours()) + ':' + pad(date.getMinutes());
			}
		});
		root.querySelectorAll('select[data-shows-when]').forEach(function (select) {
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

	// When a live session starts or ends, htmx asks for the page again and swaps its main part in
	// place. The server answers a page whose policy must allow the stream with HX-Refresh, so
	// htmx loads that one whole.
	function refresh(element) {
		if (document.contains(element)) {
			htmx.ajax('GET', window.location.href, { target: 'main', select: 'main', swap: 'outerHTML' });
		}
	}

	document.addEventListener('htmx:afterSwap', function () {
		streams = streams.filter(function (stream) {
			if (document.contains(stream.video)) {
				return true;
			}
			stream.hls.destroy();
			return false;
		});
	});

	// Deferred scripts (hls.js among them) have all run when htmx reports the page loaded.
	document.addEventListener('htmx:load', function (event) {
		initMedia(event.target.querySelectorAll ? event.target : document);
	});
})();
