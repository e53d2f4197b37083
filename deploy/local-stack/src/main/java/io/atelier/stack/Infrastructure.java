package io.atelier.stack;

/** Kafka, PostgreSQL and S3 as the services see them, however they run: embedded on loopback or in containers. */
interface Infrastructure extends AutoCloseable {
    String kafkaBootstrap();

    /** A JDBC URL of this PostgreSQL for one database. */
    String jdbcUrl(String database);

    /** Creates the database unless it exists. */
    void createDatabase(String database);

    String jdbcUser();

    String jdbcPassword();

    String s3Endpoint();

    String s3AccessKey();

    String s3SecretKey();

    /** One line for the log: what runs where. */
    String description();

    @Override
    void close();
}
