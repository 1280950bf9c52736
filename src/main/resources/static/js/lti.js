// LTI pages: tells the LMS that Dynamic Registration is done (1EdTech Dynamic Registration 1.0),
// to the window that opened this one or the one that frames it.
(function () {
	'use strict';
	if (!document.querySelector('[data-lti-close]')) {
		return;
	}
	var lms = window.opener || (window.parent !== window ? window.parent : null);
	if (lms) {
		lms.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
	}
})();
