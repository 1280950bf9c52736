/**
 * Guest access: the per-item switch, guest links, the admission of guests and their sessions, and
 * the message pages that tell a guest why they cannot get in.
 */
package org.guestpass.guestaccess;
