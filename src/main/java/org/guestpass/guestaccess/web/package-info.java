/**
 * The guest access module's web endpoints: the owner's pages and API, the guest's entry,
 * media and poster.
 */
package org.guestpass.guestaccess.web;
