/**
 * GuestPass: an owner shares one media item with guests outside the platform through
 * guest links. The application class; each feature is a module in a package of its own.
 */
package org.guestpass;
