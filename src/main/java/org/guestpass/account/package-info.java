/**
 * Accounts, their roles and sign-in, and personal API tokens.
 */
package org.guestpass.account;
