package org.cdss.orders;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Orders extends JpaRepository<Order, UUID> {}
