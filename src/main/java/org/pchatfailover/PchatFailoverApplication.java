package org.pchatfailover;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PchatFailoverApplication {

	public static void main(String[] args) {
		SpringApplication.run(PchatFailoverApplication.class, args);
	}

}
