/**
 * The account module's web endpoints: sign-in, the admin's users pages and the accounts
 * API.
 */
package org.guestpass.account.web;
