"""The shared frontier of a crawl spread over processes and machines: scrapy-redis keeps the run's request
queue and seen-request filter in Redis; leases hand a killed worker's requests to another."""
