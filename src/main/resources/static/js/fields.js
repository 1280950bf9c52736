// GuestPass fields: a form says what is wrong next to the field, before anything is sent, and
// counts characters as the server does (code points), not UTF-16 units: maxlength would count an
// emoji as two and stop a person halfway through a name the server accepts, so text fields carry
// data-max-characters and their message instead.
(function () {
	'use strict';

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

	document.addEventListener('htmx:load', function (event) {
		var root = event.target.querySelectorAll ? event.target : document;
		root.querySelectorAll('form[data-validate]').forEach(function (form) {
			form.setAttribute('novalidate', '');
		});
		root.querySelectorAll('[data-max-characters]').forEach(checkLength);
	});
})();
