package org.guestpass.lti;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PlatformRepository {

	private static final String COLUMNS = """
			p.id, p.name, p.issuer, p.client_id, p.authorization_url, p.token_url, p.jwks_url, p.created_at
			""";

	private final JdbcClient jdbc;

	PlatformRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Platform> findAll() {
		return withDeployments(this.jdbc.sql("select " + COLUMNS + " from lti_platform p order by p.name, p.id")
			.query(PlatformRepository::row)
			.list());
	}

	Optional<Platform> findById(long id) {
		return withDeployments(this.jdbc.sql("select " + COLUMNS + " from lti_platform p where p.id = :id")
			.param("id", id)
			.query(PlatformRepository::row)
			.list()).stream().findFirst();
	}

	Optional<Platform> findByClient(String issuer, String clientId) {
		return withDeployments(this.jdbc
			.sql("select " + COLUMNS + " from lti_platform p where p.issuer = :issuer and p.client_id = :clientId")
			.param("issuer", issuer)
			.param("clientId", clientId)
			.query(PlatformRepository::row)
			.list()).stream().findFirst();
	}

	/** The registrations of an issuer: a launch's client id picks one of them. */
	List<Platform> findByIssuer(String issuer) {
		return withDeployments(this.jdbc.sql("select " + COLUMNS + " from lti_platform p where p.issuer = :issuer")
			.param("issuer", issuer)
			.query(PlatformRepository::row)
			.list());
	}

	boolean existsOther(String issuer, String clientId, Long exceptId) {
		return this.jdbc.sql("""
				select count(*) from lti_platform
				 where issuer = :issuer and client_id = :clientId and id <> :exceptId
				""")
			.param("issuer", issuer)
			.param("clientId", clientId)
			.param("exceptId", (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insert(PlatformDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lti_platform (name, issuer, client_id, authorization_url, token_url, jwks_url,
				                          created_at, updated_at)
				values (:name, :issuer, :clientId, :authorizationUrl, :tokenUrl, :jwksUrl, :now, :now)
				""").params(columns(draft)).param("now", Timestamps.utc(now)).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		saveDeployments(id, draft.deploymentIds());
		return id;
	}

	boolean update(long id, PlatformDraft draft, Instant now) {
		int updated = this.jdbc.sql("""
				update lti_platform
				   set name = :name, issuer = :issuer, client_id = :clientId, authorization_url = :authorizationUrl,
				       token_url = :tokenUrl, jwks_url = :jwksUrl, updated_at = :now
				 where id = :id
				""").params(columns(draft)).param("now", Timestamps.utc(now)).param("id", id).update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("delete from lti_deployment where platform_id = :id").param("id", id).update();
		saveDeployments(id, draft.deploymentIds());
		return true;
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from lti_platform where id = :id").param("id", id).update() > 0;
	}

	private static Map<String, Object> columns(PlatformDraft draft) {
		return Map.of("name", draft.name(), "issuer", draft.issuer(), "clientId", draft.clientId(), "authorizationUrl",
				draft.authorizationUrl(), "tokenUrl", draft.tokenUrl(), "jwksUrl", draft.jwksUrl());
	}

	private void saveDeployments(long platformId, List<String> deploymentIds) {
		for (String deploymentId : deploymentIds.stream().distinct().toList()) {
			this.jdbc.sql("insert into lti_deployment (platform_id, deployment_id) values (:id, :deploymentId)")
				.param("id", platformId)
				.param("deploymentId", deploymentId)
				.update();
		}
	}

	private List<Platform> withDeployments(List<Platform> platforms) {
		if (platforms.isEmpty()) {
			return platforms;
		}
		Map<Long, List<String>> deployments = new LinkedHashMap<>();
		platforms.forEach((platform) -> deployments.put(platform.id(), new ArrayList<>()));
		this.jdbc.sql("""
				select platform_id, deployment_id from lti_deployment
				 where platform_id in (:ids)
				 order by deployment_id
				""")
			.param("ids", deployments.keySet())
			.query((rs, row) -> deployments.get(rs.getLong("platform_id")).add(rs.getString("deployment_id")))
			.list();
		return platforms.stream()
			.map((platform) -> new Platform(platform.id(), platform.name(), platform.issuer(), platform.clientId(),
					deployments.get(platform.id()), platform.authorizationUrl(), platform.tokenUrl(),
					platform.jwksUrl(), platform.createdAt()))
			.toList();
	}

	private static Platform row(ResultSet rs, int row) throws SQLException {
		return new Platform(rs.getLong("id"), rs.getString("name"), rs.getString("issuer"), rs.getString("client_id"),
				List.of(), rs.getString("authorization_url"), rs.getString("token_url"), rs.getString("jwks_url"),
				Timestamps.instant(rs, "created_at"));
	}

}
