/**
 * The audit module's web endpoints: the admin's audit page and the audit API.
 */
package org.guestpass.audit.web;
