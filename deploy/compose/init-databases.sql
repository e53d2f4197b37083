-- one database per service (the gallery's can be dropped and rebuilt by replay)
CREATE DATABASE atelier_session;
CREATE DATABASE atelier_gallery;
