/**
 * The settings module's web endpoints: the site settings page and API.
 */
package org.guestpass.settings.web;
