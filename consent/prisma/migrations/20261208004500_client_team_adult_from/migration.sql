-- Hand-written: the day each client comes of age, as the case registry sends it with the holder
-- at intake and handover (the date only, not the birth date): a consent recorded while the client
-- is a minor needs the legal representative. Null on every row from before (no requirement
-- then) and at closing. The service's role reads and appends "ClientTeamEvent" already (table
-- privileges cover the new column); the append-only triggers keep it unchangeable.
-- AlterTable
ALTER TABLE "ClientTeamEvent" ADD COLUMN     "adultFrom" DATE;
