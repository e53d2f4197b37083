package io.atelier.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka, PostgreSQL and MinIO in containers (Testcontainers), the images docker-compose.yml runs; needs a Docker engine. */
final class ContainerInfrastructure implements Infrastructure {
    // the images of docker-compose.yml, so tests and compose run the same servers
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17";
    static final String MINIO_IMAGE = "minio/minio:latest";

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
    private final MinIOContainer minio = new MinIOContainer(MINIO_IMAGE).withUserName("atelier").withPassword("atelier-local-secret");

    private ContainerInfrastructure() {
    }

    /** Whether Testcontainers can reach an engine (asked only once a socket or DOCKER_HOST suggests one). */
    static boolean engineAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerInfrastructure start() {
        ContainerInfrastructure infra = new ContainerInfrastructure();
        try {
            java.util.stream.Stream.of(infra.kafka, infra.postgres, infra.minio).parallel().forEach(c -> c.start());
            Postgres.DATABASES.forEach(infra::createDatabase);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public String jdbcUser() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public String s3Endpoint() {
        return minio.getS3URL();
    }

    @Override
    public String s3AccessKey() {
        return minio.getUserName();
    }

    @Override
    public String s3SecretKey() {
        return minio.getPassword();
    }

    @Override
    public String description() {
        return "containers (Testcontainers): " + KAFKA_IMAGE + ", " + POSTGRES_IMAGE + ", " + MINIO_IMAGE;
    }

    @Override
    public void close() {
        minio.stop();
        postgres.stop();
        kafka.stop();
    }
}
