"""Common given and family names by naming tradition, for synthetic people.

Given and family names are drawn independently, so a generated person is a random pairing
of common names and describes no one. The traditions loosely follow the ethnic groups and
languages of Greater Manchester; they are for realism of the demo only.
"""


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "british": _names(
        """
        Olivia Amelia Emily Sophie Jessica Charlotte Hannah Lucy Chloe Megan Rebecca Laura
        Sarah Emma Gemma Katie Lauren Holly Rachel Natalie Zoe Bethany Abigail Eleanor Grace
        Jade Kirsty Leanne Stacey Danielle Amy Victoria Nicola Hayley Kerry Louise Claire
        Jennifer Samantha Ellie Georgia Millie Freya Phoebe Harriet Alice Ruby Imogen Paige
        Courtney
        """
    ),
    "irish": _names(
        """
        Siobhan Aoife Niamh Ciara Roisin Orla Sinead Caoimhe Grainne Maeve Clodagh Aisling
        Deirdre Saoirse Bridget
        """
    ),
    "european": _names(
        """
        Agnieszka Katarzyna Magdalena Joanna Anna Ewa Monika Oksana Iryna Olena Ioana
        Andreea Elena Maria Simona Ruta Ieva Jurgita Ana Beatriz Ines Lucia Carmen Alina
        Natalia Daria
        """
    ),
    "pakistani": _names(
        """
        Ayesha Fatima Zainab Maryam Sana Hina Amina Noor Iqra Saima Nadia Rabia Mehwish
        Aleena Hafsa Khadija Sidra Anam
        """
    ),
    "bangladeshi": _names(
        """
        Sumaiya Tahmina Nusrat Shirin Rumana Farzana Jannat Tasnim Sadia Shamima Rokeya
        Halima
        """
    ),
    "indian": _names(
        """
        Priya Anjali Pooja Kavita Neha Simran Harpreet Jaspreet Manpreet Meera Divya Sunita
        Nisha Reena Komal
        """
    ),
    "african": _names(
        """
        Amara Chiamaka Ngozi Adaeze Folasade Abena Akosua Ama Fatuma Hodan Ayan Hamdi Saba
        Selam Blessing Precious Esther Ruth Mercy Chioma Yetunde Nadifa Luwam Tendai
        """
    ),
    "caribbean": _names(
        """
        Shanice Tanisha Jasmine Keisha Aaliyah Chantelle Nia Simone Marcia Kayla Tiana Leah
        Danielle Nadine
        """
    ),
    "chinese": _names(
        """
        Mei Xiao Yan Jing Hui Ying Wen Xin Lin Fang Ling Qing
        """
    ),
    "middle_eastern": _names(
        """
        Layla Mariam Rana Noura Huda Dalia Shirin Parisa Zahra Leila Roya Nasrin Yasmin Hana
        Samira Rozhin
        """
    ),
}

FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "british": _names(
        """
        Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
        Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes Edwards Turner
        Harrison Lees Bradshaw Ashworth Hulme Heywood Kershaw Ogden Schofield Whitehead
        Barlow Booth Mellor Holt Pickford Bardsley Cooper Fletcher Hardy Lomas Dawson
        Marsden Shaw Birch Hargreaves
        """
    ),
    "irish": _names(
        """
        Murphy Kelly O'Brien Byrne Ryan Doyle McCarthy Gallagher Quinn Brennan O'Neill Walsh
        Kavanagh Farrell Lynch
        """
    ),
    "european": _names(
        """
        Kowalska Nowak Wisniewska Wojcik Kaminska Lewandowska Zielinska Popescu Ionescu
        Dumitru Petrauskiene Kazlauskiene Shevchenko Kovalenko Bondarenko Silva Santos
        Ferreira Garcia Rodriguez Novak Horvath Marin Costa
        """
    ),
    "pakistani": _names(
        """
        Khan Hussain Ahmed Ali Akhtar Iqbal Shah Malik Butt Bibi Mahmood Rashid Aslam Javed
        Riaz Nawaz Qureshi Anwar
        """
    ),
    "bangladeshi": _names(
        """
        Begum Uddin Miah Rahman Islam Chowdhury Hoque Ahmed Khatun Alam Karim
        """
    ),
    "indian": _names(
        """
        Patel Sharma Singh Kaur Gill Sandhu Mistry Parmar Joshi Desai Chauhan Mehta Shah
        Bhatt
        """
    ),
    "african": _names(
        """
        Okafor Adeyemi Okonkwo Mensah Asante Boateng Osei Abdi Mohamed Hassan Warsame
        Tesfaye Gebremedhin Mutasa Banda Phiri Eze Adebayo Ogunleye Nwosu Owusu Yusuf
        """
    ),
    "caribbean": _names(
        """
        Campbell Brown Williams Thomas Grant Francis Henry Reid Bailey Morgan Clarke Lewis
        Samuels Powell
        """
    ),
    "chinese": _names(
        """
        Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Chan Wong Cheung Lam
        """
    ),
    "middle_eastern": _names(
        """
        Al-Hassan Haddad Ibrahim Saleh Mansour Ahmadi Hosseini Karimi Rahimi Abdullah Nasser
        Aziz Omar Rostami
        """
    ),
}

# Naming traditions for each NHS ethnic category code ("" = never recorded).
TRADITIONS_BY_ETHNIC_CODE: dict[str, dict[str, float]] = {
    "A": {"british": 0.93, "irish": 0.07},
    "B": {"irish": 0.9, "british": 0.1},
    "C": {"european": 0.85, "british": 0.15},
    "D": {"caribbean": 0.5, "british": 0.5},
    "E": {"african": 0.5, "british": 0.5},
    "F": {"pakistani": 0.3, "indian": 0.2, "british": 0.5},
    "G": {"british": 0.5, "middle_eastern": 0.2, "caribbean": 0.3},
    "H": {"indian": 1.0},
    "J": {"pakistani": 1.0},
    "K": {"bangladeshi": 1.0},
    "L": {"pakistani": 0.4, "indian": 0.3, "middle_eastern": 0.3},
    "M": {"caribbean": 1.0},
    "N": {"african": 1.0},
    "P": {"african": 0.5, "caribbean": 0.5},
    "R": {"chinese": 1.0},
    "S": {"middle_eastern": 0.8, "european": 0.2},
    "Z": {"british": 0.7, "european": 0.1, "pakistani": 0.1, "african": 0.1},
    "99": {"british": 0.7, "european": 0.1, "pakistani": 0.1, "african": 0.1},
    "": {"british": 0.7, "european": 0.1, "pakistani": 0.1, "african": 0.1},
}

# Practitioners: a workforce mix, drawn the same way.
PRACTITIONER_TRADITIONS: dict[str, float] = {
    "british": 0.62,
    "irish": 0.08,
    "european": 0.06,
    "pakistani": 0.07,
    "indian": 0.06,
    "african": 0.07,
    "caribbean": 0.04,
}
