"""The My World Triangle and the Resilience Matrix are exactly the published frameworks."""

from tandem.assessments.my_world import TRIANGLE_SIDES, MatrixQuadrant, TriangleDomain


def test_my_world_triangle_has_the_three_sides_and_their_seven_domains():
    assert [
        (side.title, [str(domain.label) for domain in side.domains]) for side in TRIANGLE_SIDES
    ] == [
        (
            "How I grow and develop",
            [
                "Being healthy",
                "Learning and achieving",
                "Being able to communicate",
                "Confidence in who I am",
                "Learning to be responsible",
                "Becoming independent, looking after myself",
                "Enjoying family and friends",
            ],
        ),
        (
            "What I need from people who look after me",
            [
                "Everyday care and help",
                "Keeping me safe",
                "Being there for me",
                "Play, encouragement and fun",
                "Guidance, supporting me to make the right choices",
                "Knowing what is going to happen and when",
                "Understanding my family's background and beliefs",
            ],
        ),
        (
            "My wider world",
            [
                "Support from family, friends and other people",
                "School",
                "Local resources",
                "Work opportunities for my family",
                "Belonging",
                "Enough money",
                "Comfortable and safe housing",
            ],
        ),
    ]


def test_my_world_every_domain_is_on_exactly_one_side():
    on_sides = [domain for side in TRIANGLE_SIDES for domain in side.domains]
    assert sorted(on_sides) == sorted(TriangleDomain)


def test_my_world_matrix_has_the_four_quadrants():
    assert [str(q.label) for q in MatrixQuadrant] == [
        "Resilience and a protective environment",
        "Resilience and adversity",
        "Vulnerability and a protective environment",
        "Vulnerability and adversity",
    ]
