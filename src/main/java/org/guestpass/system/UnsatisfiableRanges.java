package org.guestpass.system;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A 416 carries no body. Spring MVC answers a {@code Range} that a {@link Resource} body
 * cannot satisfy (a start past the end, {@code bytes=-0}, several ranges of which one is
 * past the end) with 416 and {@code Content-Range: bytes *}{@code /size}, and then writes
 * the whole resource after it anyway: every byte of a video or a poster. This drops that
 * body, for every controller that returns a resource, whether the answer came from the
 * {@code sendfile} attempt's fallback or straight from Spring.
 */
@ControllerAdvice
class UnsatisfiableRanges implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof Resource && response instanceof ServletServerHttpResponse servlet
				&& servlet.getServletResponse().getStatus() == HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value()) {
			return null;
		}
		return body;
	}

}
