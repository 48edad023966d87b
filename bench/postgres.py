"""The benchmarks' own PostgreSQL databases, made on a fresh server."""

from urllib.parse import urlsplit


def ensure_database(url):
    """Create the database the URL names unless the server has it already."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
