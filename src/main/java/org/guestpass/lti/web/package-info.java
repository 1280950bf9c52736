/**
 * The LTI routes ({@code /lti/**}) and the admin pages and API of platform registrations.
 */
package org.guestpass.lti.web;
