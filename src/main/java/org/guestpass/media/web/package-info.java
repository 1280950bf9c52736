/**
 * The media module's web endpoints: the library, the media pages and the media API; its
 * one public type, {@link org.guestpass.media.web.MediaContent}, is the named interface
 * guest access streams through.
 */
@NamedInterface("web")
package org.guestpass.media.web;

import org.springframework.modulith.NamedInterface;
